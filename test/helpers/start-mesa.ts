import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** A Mesa server running as its own process from the built dist/, as `npm start` runs it. */
export interface RunningMesa {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Log lines (parsed pino JSON) seen so far. */
  logs: Record<string, unknown>[];
  /** SIGTERM and wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait for exit: a crash. */
  kill(): Promise<void>;
}

export interface StartMesaOptions {
  dataDir?: string;
  env?: Record<string, string>;
  /** How long to wait for the ready line. */
  timeoutMs?: number;
  /** Another built entry point than `npm start`'s (one that adds a test channel). */
  entry?: string;
}

/**
 * A test (or the bench) is one address opening many sessions and connections, which Mesa's per-address
 * limits are there to stop; tests of those limits set them explicitly.
 */
export const TEST_CLIENT_LIMITS = { MESA_CHAT_SESSIONS_PER_ADDRESS: '1000000', MESA_CHAT_SESSIONS_PER_MINUTE: '1000000', MESA_CHAT_STREAMS_PER_ADDRESS: '1000000' };

const entry = resolve(process.cwd(), 'dist/channels/app/main.js');

export function freshDataDir(prefix = 'mesa-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts Mesa on a free port and resolves once it logs that it is ready to serve. */
export function startMesa(options: StartMesaOptions = {}): Promise<RunningMesa> {
  const dataDir = options.dataDir ?? freshDataDir();
  const child = spawn(process.execPath, [options.entry ?? entry], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      MESA_STARTER_KB: 'off',
      ...TEST_CLIENT_LIMITS,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // 'close' comes after stdout has ended, so every log line has been read by then.
  const exited = new Promise<number | null>((resolveExit) => child.once('close', (code) => resolveExit(code)));

  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`Mesa did not become ready in time. stderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    void exited.then((code) => {
      clearTimeout(timer);
      rejectStart(new Error(`Mesa exited with ${String(code)} before it was ready. stderr: ${stderr} logs: ${JSON.stringify(logs.slice(-5))}`));
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let entryLog: Record<string, unknown>;
      try {
        entryLog = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entryLog);
      if (entryLog.event === 'ready' && typeof entryLog.port === 'number') {
        clearTimeout(timer);
        const port = entryLog.port;
        resolveStart({
          url: `http://127.0.0.1:${port}`,
          port,
          dataDir,
          process: child,
          logs,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
  });
}
