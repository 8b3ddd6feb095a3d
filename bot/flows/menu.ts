import { actionIds } from '../core/actions.js';
import { done, type Flow } from '../core/flow.js';
import type { Action } from '../core/messages.js';
import type { Translate } from '../i18n/translator.js';
import type { IntentName } from '../nlu/nlu.js';

const MENU_INTENTS: readonly IntentName[] = ['reset_password', 'unlock_account', 'report_problem', 'ticket_status', 'service_request', 'human', 'switch_language'];

const built = new WeakMap<Translate, Action[]>();

/** The main menu as buttons, labelled in the conversation's language (built once per language). */
export function menuActions(t: Translate): Action[] {
  let actions = built.get(t);
  if (!actions) {
    actions = MENU_INTENTS.map((intent) => ({ id: actionIds.intent(intent), label: t(`bot:menu.${intent}`) }));
    built.set(t, actions);
  }
  return actions;
}

export const menuFlow: Flow = {
  name: 'menu',
  async start(context) {
    context.say({ text: context.t('bot:menu.prompt'), actions: menuActions(context.t) });
    return done;
  },
};
