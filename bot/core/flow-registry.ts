import type { IntentName } from '../nlu/nlu.js';
import type { Flow } from './flow.js';

/** Which flow answers each intent, plus the ones the core needs by role. */
export interface FlowRegistry {
  forIntent: Record<IntentName, Flow>;
  /** Asks with choices when the bot did not understand. */
  clarify: Flow;
  /** Shows what the bot can do. */
  menu: Flow;
  byName(name: string): Flow | undefined;
}

export function createFlowRegistry(forIntent: Record<IntentName, Flow>, clarify: Flow, menu: Flow, others: Flow[] = []): FlowRegistry {
  const named = new Map<string, Flow>();
  for (const flow of [...Object.values(forIntent), clarify, menu, ...others]) named.set(flow.name, flow);
  return { forIntent, clarify, menu, byName: (name) => named.get(name) };
}
