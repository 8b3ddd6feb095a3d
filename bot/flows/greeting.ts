import { done, type Flow } from '../core/flow.js';
import { menuActions } from './menu.js';

export const greetingFlow: Flow = {
  name: 'greeting',
  async start(context) {
    context.say({ text: context.t('bot:greeting'), actions: menuActions(context.t) });
    return done;
  },
};
