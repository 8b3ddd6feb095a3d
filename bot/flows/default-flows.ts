import { createFlowRegistry, type FlowRegistry } from '../core/flow-registry.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { kbFixFlow } from './kb-fix.js';
import { clarifyFlow } from './clarify.js';
import { comingSoonFlow } from './coming-soon.js';
import { greetingFlow } from './greeting.js';
import { languageFlow } from './language.js';
import { menuFlow } from './menu.js';
import { thanksFlow } from './thanks.js';

/** The flows Mesa ships today; capabilities that have not landed answer honestly that they are coming. */
export function defaultFlows(options: { kb?: KnowledgeBase } = {}): FlowRegistry {
  const human = comingSoonFlow('human');
  const fix = options.kb ? kbFixFlow({ kb: options.kb, human }) : comingSoonFlow('report_problem');
  // What no intent matched may still be a problem the knowledge base knows; if not, ask.
  const unknown = options.kb ? { ...kbFixFlow({ kb: options.kb, human, fallback: clarifyFlow }), name: 'kb-fix-or-clarify' } : clarifyFlow;
  return createFlowRegistry(
    {
      greeting: greetingFlow,
      help: menuFlow,
      thanks: thanksFlow,
      switch_language: languageFlow,
      human,
      reset_password: comingSoonFlow('reset_password'),
      unlock_account: comingSoonFlow('unlock_account'),
      ticket_status: comingSoonFlow('ticket_status'),
      report_problem: fix,
      service_request: comingSoonFlow('service_request'),
    },
    unknown,
    menuFlow,
  );
}
