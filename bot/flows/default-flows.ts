import { createFlowRegistry, type FlowRegistry } from '../core/flow-registry.js';
import { clarifyFlow } from './clarify.js';
import { comingSoonFlow } from './coming-soon.js';
import { greetingFlow } from './greeting.js';
import { languageFlow } from './language.js';
import { menuFlow } from './menu.js';
import { thanksFlow } from './thanks.js';

/** The flows Mesa ships today; capabilities that have not landed answer honestly that they are coming. */
export function defaultFlows(): FlowRegistry {
  return createFlowRegistry(
    {
      greeting: greetingFlow,
      help: menuFlow,
      thanks: thanksFlow,
      switch_language: languageFlow,
      human: comingSoonFlow('human'),
      reset_password: comingSoonFlow('reset_password'),
      unlock_account: comingSoonFlow('unlock_account'),
      ticket_status: comingSoonFlow('ticket_status'),
      report_problem: comingSoonFlow('report_problem'),
      service_request: comingSoonFlow('service_request'),
    },
    clarifyFlow,
    menuFlow,
  );
}
