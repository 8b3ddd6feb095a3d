/*
 * A tiny node process between Mesa and the Meilisearch binary, so that Meilisearch ends with Mesa however Mesa
 * ends: a kill -9 runs no exit handler, but the kernel always closes Mesa's end of the supervisor's stdin,
 * and on that end-of-file the supervisor stops the server. It also reports the server's pid on stdout
 * ({"pid": n}), passes SIGTERM/SIGINT on, and exits when the server does. CommonJS source run with
 * `node -e`, so it runs the same from the TypeScript sources (tests) and from dist/ (npm start).
 */
export const SUPERVISOR_SOURCE = `
const { spawn } = require('node:child_process');
const { constants } = require('node:os');
const [binary, ...args] = process.argv.slice(1);
const server = spawn(binary, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const stop = (signal) => {
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
};
server.once('spawn', () => process.stdout.write(JSON.stringify({ pid: server.pid }) + '\\n'));
server.once('error', (error) => {
  process.stderr.write(String(error) + '\\n');
  process.exit(1);
});
server.once('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
const parentGone = () => {
  stop('SIGTERM');
  setTimeout(() => stop('SIGKILL'), 5000).unref();
};
process.stdin.on('data', () => undefined);
process.stdin.once('end', parentGone);
process.stdin.once('error', parentGone);
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => stop(signal === 'SIGHUP' ? 'SIGTERM' : signal));
`;
