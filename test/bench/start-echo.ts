import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface RunningEcho {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const entry = fileURLToPath(new URL('./echo-server.js', import.meta.url));

/** Starts the echo baseline in its own process, like Mesa, so both share the machine the same way. */
export function startEcho(timeoutMs = 10_000): Promise<RunningEcho> {
  const child = spawn(process.execPath, [entry], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error('echo server did not print its port in time'));
    }, timeoutMs);
    void exited.then(() => {
      clearTimeout(timer);
      rejectStart(new Error('echo server exited before it was ready'));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const { port } = JSON.parse(line) as { port: number };
      resolveStart({
        url: `http://127.0.0.1:${port}`,
        pid: child.pid ?? 0,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
