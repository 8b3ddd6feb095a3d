import type { DeskEvent } from './analyst-desk.js';

type Listener = (event: DeskEvent) => void;

/** In-process fan-out of desk events to every open console; one failing listener never stops the others. */
export class DeskEvents {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: DeskEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
