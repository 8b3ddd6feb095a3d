import type { IntentName } from '../nlu/nlu.js';
import type { Flow } from './flow.js';

/** Which flow answers each intent, plus the ones the core needs by role. */
export interface FlowRegistry {
  forIntent: Record<IntentName, Flow>;
  /** Answers what no intent matched: a knowledge-base search when there is one, else a clarifying question. */
  unknown: Flow;
  /** Shows what the bot can do. */
  menu: Flow;
  byName(name: string): Flow | undefined;
}

export function createFlowRegistry(forIntent: Record<IntentName, Flow>, unknown: Flow, menu: Flow, others: Flow[] = []): FlowRegistry {
  const named = new Map<string, Flow>();
  for (const flow of [...Object.values(forIntent), unknown, menu, ...others]) named.set(flow.name, flow);
  return { forIntent, unknown, menu, byName: (name) => named.get(name) };
}
