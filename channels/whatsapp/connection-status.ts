import type { Logger } from '../../bot/logger.js';
import type { TransportEvent } from './whatsapp-transport.js';

/** Where the WhatsApp link stands, as the admin page shows it. */
export type ConnectionState = 'starting' | 'waiting_for_qr' | 'authenticated' | 'ready' | 'disconnected' | 'restarting' | 'auth_failure' | 'stopped';

export interface ConnectionSnapshot {
  state: ConnectionState;
  since: Date;
  /** The pairing code to scan, while WhatsApp waits for one. */
  qr: string | null;
}

/**
 * Follows the worker's connection events: keeps the state and the current pairing code for the admin page,
 * and logs each change once, in words (a pairing code is never logged, it would let anyone link the number).
 */
export class ConnectionStatus {
  private snapshot: ConnectionSnapshot;

  constructor(
    private readonly logger: Logger,
    private readonly clock: () => Date,
  ) {
    this.snapshot = { state: 'starting', since: clock(), qr: null };
  }

  get current(): ConnectionSnapshot {
    return this.snapshot;
  }

  get ready(): boolean {
    return this.snapshot.state === 'ready';
  }

  /** Takes a transport event; returns true when it changed the state or the code. */
  apply(event: TransportEvent): boolean {
    const { logger } = this;
    switch (event.type) {
      case 'qr':
        logger.info('WhatsApp is waiting to be paired: scan the code on /console/whatsapp or in the terminal');
        return this.set('waiting_for_qr', event.qr);
      case 'authenticated':
        logger.info('WhatsApp pairing accepted; connecting');
        return this.set('authenticated');
      case 'ready':
        logger.info('WhatsApp connected; messages are flowing');
        return this.set('ready');
      case 'state':
        logger.info({ state: event.state }, `WhatsApp connection state: ${event.state}`);
        return false;
      case 'disconnected':
        logger.warn({ reason: event.reason }, `WhatsApp disconnected (${event.reason}); reconnecting`);
        return this.set('disconnected');
      case 'auth_failure':
        logger.error('WhatsApp could not restore the session; pair the number again');
        return this.set('auth_failure');
      case 'fatal':
        logger.error({ error: event.error }, 'the WhatsApp client failed');
        return this.set('disconnected');
      case 'restarting':
        return this.set('restarting');
      default:
        return false;
    }
  }

  stopped(): void {
    this.set('stopped');
  }

  private set(state: ConnectionState, qr: string | null = null): boolean {
    if (this.snapshot.state === state && this.snapshot.qr === qr) return false;
    this.snapshot = { state, since: this.clock(), qr };
    return true;
  }
}
