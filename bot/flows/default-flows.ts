import { createFlowRegistry, type FlowRegistry } from '../core/flow-registry.js';
import type { HelpDesk } from '../core/help-desk.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { kbFixFlow } from './kb-fix.js';
import { clarifyFlow } from './clarify.js';
import { comingSoonFlow } from './coming-soon.js';
import { escalateFlow } from './escalate.js';
import { greetingFlow } from './greeting.js';
import { languageFlow } from './language.js';
import { menuFlow } from './menu.js';
import { selfServiceFlow, type SelfServicePort } from './self-service.js';
import { surveyFlow } from './survey.js';
import { thanksFlow } from './thanks.js';
import { ticketActionsFlow } from './ticket-actions.js';
import { ticketStatusFlow } from './ticket-status.js';

/**
 * The flows Mesa ships today. With a service desk, people are reachable: escalation, ticket status, the
 * answers to resolved tickets and surveys; with self-service, password reset and unlock. Capabilities that are
 * not wired answer honestly that they are not available here.
 */
export function defaultFlows(options: { kb?: KnowledgeBase; desk?: HelpDesk; selfService?: SelfServicePort } = {}): FlowRegistry {
  const { kb, desk, selfService } = options;
  const human = desk ? escalateFlow({ desk }) : comingSoonFlow('human');
  const fix = kb ? kbFixFlow({ kb, human }) : desk ? human : comingSoonFlow('report_problem');
  // What no intent matched may still be a problem the knowledge base knows; if not, ask.
  const unknown = kb ? { ...kbFixFlow({ kb, human, fallback: clarifyFlow }), name: 'kb-fix-or-clarify' } : clarifyFlow;
  return createFlowRegistry(
    {
      greeting: greetingFlow,
      help: menuFlow,
      thanks: thanksFlow,
      switch_language: languageFlow,
      human,
      reset_password: selfService ? selfServiceFlow({ kind: 'reset', service: selfService, ...(desk ? { desk } : {}) }) : comingSoonFlow('reset_password'),
      unlock_account: selfService ? selfServiceFlow({ kind: 'unlock', service: selfService, ...(desk ? { desk } : {}) }) : comingSoonFlow('unlock_account'),
      ticket_status: desk ? ticketStatusFlow(desk) : comingSoonFlow('ticket_status'),
      report_problem: fix,
      service_request: desk ? escalateFlow({ desk, type: 'service_request' }) : comingSoonFlow('service_request'),
    },
    unknown,
    menuFlow,
    [],
    desk
      ? [
          { prefix: 'ticket', flow: ticketActionsFlow(desk) },
          { prefix: 'survey', flow: surveyFlow(desk) },
        ]
      : [],
  );
}
