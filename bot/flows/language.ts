import { actionIds } from '../core/actions.js';
import { done, type Flow } from '../core/flow.js';
import { LANGUAGES } from '../core/language.js';

export const languageFlow: Flow = {
  name: 'language',
  async start(context, { understanding }) {
    const requested = understanding?.requestedLanguage;
    if (requested) {
      context.switchLanguage(requested);
      return done;
    }
    context.say({
      text: context.t('bot:language.prompt'),
      // Each language is named in itself so a user who cannot read the current language still finds theirs.
      actions: LANGUAGES.map((language) => ({ id: actionIds.language(language), label: context.t(`bot:language.self_name`, { lng: language }) })),
    });
    return done;
  },
};
