import { MesaError } from '../../bot/core/errors.js';

/**
 * Caps the connections a client may hold open at once (event streams and waiting long polls): each one is
 * a socket and a subscription for as long as the client likes, so without a cap a few clients could hold them all.
 */
export class ConnectionLimits {
  private readonly perSessionCount = new Map<string, number>();
  private readonly perAddressCount = new Map<string, number>();

  constructor(
    private readonly perSession: number,
    private readonly perAddress: number,
  ) {}

  /** Takes a place for one connection, or throws too_many_streams; call the returned function when it ends (once is enough, twice is harmless). */
  acquire(sessionId: string, address: string): () => void {
    if ((this.perSessionCount.get(sessionId) ?? 0) >= this.perSession) {
      throw new MesaError('too_many_streams', 'Too many open connections for this session.', { params: { max: this.perSession } });
    }
    if ((this.perAddressCount.get(address) ?? 0) >= this.perAddress) {
      throw new MesaError('too_many_streams', 'Too many open connections from this address.', { params: { max: this.perAddress } });
    }
    increment(this.perSessionCount, sessionId, 1);
    increment(this.perAddressCount, address, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      increment(this.perSessionCount, sessionId, -1);
      increment(this.perAddressCount, address, -1);
    };
  }
}

function increment(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  // Keys at zero are dropped, so the maps hold only clients with something open.
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
