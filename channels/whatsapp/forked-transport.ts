import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '../../bot/logger.js';
import { processTreeRss } from './process-tree-rss.js';
import { restartDelay, type Backoff } from './restart-delay.js';
import { SendFailedError, type TransportEvent, type WhatsappTransport } from './whatsapp-transport.js';
import { WorkerLink } from './worker-link.js';
import type { WorkerStart } from './worker-protocol.js';

export interface ForkedTransportOptions {
  /** The worker script (compiled whatsapp-worker.js, or a stub in tests). */
  workerPath: string | URL;
  start: WorkerStart;
  logger: Logger;
  /** Resident memory of the worker and its Chromium above which the worker is restarted. */
  maxRssBytes: number;
  memoryCheckMs?: number;
  backoff?: Backoff;
  rssOf?: (pid: number) => Promise<number | null>;
  /** How long a stopping worker may take to close its browser before it is killed. */
  stopGraceMs?: number;
}

/**
 * whatsapp-web.js in a forked worker under a watchdog: a worker that dies, disconnects, or grows past its memory
 * limit is killed with its Chromium (its own process group) and started again with backoff, on the same session
 * directory, so no other channel notices and no new QR is needed.
 */
export class ForkedTransport implements WhatsappTransport {
  private child: ChildProcess | undefined;
  private link: WorkerLink | undefined;
  private listener: (event: TransportEvent) => void = () => undefined;
  private failures = 0;
  private stopped = false;
  private restartReason: string | undefined;
  private respawn: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(private readonly options: ForkedTransportOptions) {}

  async start(listener: (event: TransportEvent) => void): Promise<void> {
    this.listener = listener;
    this.stopped = false;
    this.spawn();
    this.watchdog = setInterval(() => void this.checkMemory(), this.options.memoryCheckMs ?? 30_000);
    this.watchdog.unref();
  }

  /** The current worker's process id, while one runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async send(chatId: string, text: string): Promise<void> {
    if (!this.link) throw new SendFailedError('the WhatsApp worker is restarting');
    await this.link.send(chatId, text);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.watchdog);
    clearTimeout(this.respawn);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      this.link?.command({ type: 'stop' });
    } catch {
      // The channel is already closed; the kill below ends the worker.
    }
    const killer = setTimeout(() => this.kill(child, 'SIGKILL'), this.options.stopGraceMs ?? 10_000);
    await exited;
    clearTimeout(killer);
  }

  /** Ends the current worker (and its browser); its exit handler starts the next one. */
  restart(reason: string): void {
    const child = this.child;
    if (!child || this.stopped) return;
    this.restartReason ??= reason;
    this.kill(child, 'SIGTERM');
    const killer = setTimeout(() => this.kill(child, 'SIGKILL'), this.options.stopGraceMs ?? 10_000);
    child.once('exit', () => clearTimeout(killer));
  }

  private spawn(): void {
    const { workerPath, logger } = this.options;
    // Its own process group, so a kill reaches Chromium too; a clean execArgv, whatever the parent runs under.
    const child = fork(workerPath, [], { detached: true, execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'json' });
    const link = new WorkerLink((command) => child.send(command), (event) => this.onEvent(event), logger);
    this.child = child;
    this.link = link;
    this.restartReason = undefined;
    for (const [stream, level] of [[child.stdout, 'debug'], [child.stderr, 'warn']] as const) {
      if (stream) createInterface({ input: stream }).on('line', (line) => logger[level]({ worker: line.slice(0, 500) }, 'whatsapp worker output'));
    }
    child.on('message', (raw) => link.receive(raw));
    child.on('error', (error) => logger.error({ err: error }, 'whatsapp worker process error'));
    child.once('exit', (code, signal) => this.onExit(child, link, code, signal));
    link.command(this.options.start);
    logger.info({ pid: child.pid }, 'whatsapp worker started');
  }

  private onEvent(event: TransportEvent): void {
    if (event.type === 'ready') this.failures = 0;
    this.listener(event);
    if (event.type === 'disconnected') this.restart(`disconnected: ${event.reason}`);
    else if (event.type === 'auth_failure') this.restart('authentication failed');
    else if (event.type === 'fatal') this.restart(`the client failed: ${event.error}`);
  }

  private onExit(child: ChildProcess, link: WorkerLink, code: number | null, signal: NodeJS.Signals | null): void {
    link.fail('the WhatsApp worker exited');
    if (this.child !== child) return;
    this.child = undefined;
    this.link = undefined;
    if (this.stopped) return;
    this.failures += 1;
    const inMs = restartDelay(this.failures, this.options.backoff);
    const reason = this.restartReason ?? `exited (${signal ?? `code ${code}`})`;
    this.options.logger.warn({ reason, inMs, restarts: this.failures }, `whatsapp worker stopped (${reason}); restarting it in ${inMs} ms`);
    this.listener({ type: 'restarting', reason, inMs });
    this.respawn = setTimeout(() => this.spawn(), inMs);
  }

  private async checkMemory(): Promise<void> {
    const pid = this.child?.pid;
    if (this.checking || pid === undefined) return;
    this.checking = true;
    try {
      const rss = await (this.options.rssOf ?? processTreeRss)(pid);
      if (rss !== null && rss > this.options.maxRssBytes && this.child?.pid === pid) {
        const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
        this.options.logger.warn({ rssMb: mb(rss), limitMb: mb(this.options.maxRssBytes) }, 'whatsapp worker passed its memory limit; restarting it');
        this.restart(`used ${mb(rss)} MB, over its ${mb(this.options.maxRssBytes)} MB limit`);
      }
    } finally {
      this.checking = false;
    }
  }

  private kill(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  }
}
