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
  /**
   * The flow that owns a button id wherever it appears (e.g. `ticket.confirm.SD-000123` in a notice sent
   * while no flow was active); the flow's start() receives the press.
   */
  forAction(actionId: string): Flow | undefined;
}

/** Button ids starting with `prefix` + '.' belong to `flow` in any conversation state. */
export interface ActionOwner {
  prefix: string;
  flow: Flow;
}

export function createFlowRegistry(forIntent: Record<IntentName, Flow>, unknown: Flow, menu: Flow, others: Flow[] = [], actionOwners: ActionOwner[] = []): FlowRegistry {
  const named = new Map<string, Flow>();
  for (const flow of [...Object.values(forIntent), unknown, menu, ...others, ...actionOwners.map((owner) => owner.flow)]) named.set(flow.name, flow);
  return {
    forIntent,
    unknown,
    menu,
    byName: (name) => named.get(name),
    forAction: (actionId) => actionOwners.find((owner) => actionId.startsWith(`${owner.prefix}.`))?.flow,
  };
}
