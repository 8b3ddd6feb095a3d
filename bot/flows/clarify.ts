import { actionIds } from '../core/actions.js';
import { done, type Flow } from '../core/flow.js';
import { menuActions } from './menu.js';

/** Low confidence: ask with choices instead of guessing. */
export const clarifyFlow: Flow = {
  name: 'clarify',
  async start(context, { understanding }) {
    const candidates = (understanding?.alternatives ?? []).slice(0, 3);
    if (candidates.length === 0) {
      context.say({ text: context.t('bot:clarify.nothing'), actions: menuActions(context.t) });
      return done;
    }
    const actions = candidates.map(({ intent }) => ({ id: actionIds.intent(intent), label: context.t(`bot:menu.${intent}`) }));
    actions.push({ id: actionIds.intent('help'), label: context.t('bot:clarify.other') });
    context.say({ text: context.t('bot:clarify.prompt'), actions });
    return done;
  },
};
