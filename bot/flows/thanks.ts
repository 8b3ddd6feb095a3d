import { done, type Flow } from '../core/flow.js';

export const thanksFlow: Flow = {
  name: 'thanks',
  async start(context) {
    context.say({ text: context.t('bot:thanks') });
    return done;
  },
};
