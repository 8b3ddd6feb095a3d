import { done, type Flow } from '../core/flow.js';
import type { IntentName } from '../nlu/nlu.js';
import { menuActions } from './menu.js';

/**
 * Recognises a request whose full flow has not landed yet and says so honestly,
 * instead of pretending; each capability replaces its entry with a real flow.
 */
export function comingSoonFlow(intent: IntentName): Flow {
  return {
    name: `coming-soon.${intent}`,
    async start(context) {
      context.say({ text: context.t(`bot:coming_soon.${intent}`), actions: menuActions(context.t) });
      return done;
    },
  };
}
