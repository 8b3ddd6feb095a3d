import { actionIds } from '../core/actions.js';
import { done, type Flow } from '../core/flow.js';
import type { Action } from '../core/messages.js';
import type { Translate } from '../i18n/translator.js';
import type { IntentName } from '../nlu/nlu.js';

const MENU_INTENTS: readonly IntentName[] = ['reset_password', 'unlock_account', 'report_problem', 'ticket_status', 'service_request', 'human', 'switch_language'];

/** The main menu as buttons, labelled in the conversation's language. */
export function menuActions(t: Translate): Action[] {
  return MENU_INTENTS.map((intent) => ({ id: actionIds.intent(intent), label: t(`bot:menu.${intent}`) }));
}

export const menuFlow: Flow = {
  name: 'menu',
  async start(context) {
    context.say({ text: context.t('bot:menu.prompt'), actions: menuActions(context.t) });
    return done;
  },
};
