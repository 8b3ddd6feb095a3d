import { initialState } from '../../bot/core/conversation-state.js';
import { followUserLanguage } from '../../bot/core/language-policy.js';

describe('following the user’s language', () => {
  it('follows a fairly sure guess on the first messages, even against the browser’s hint', () => {
    const state = { ...initialState('en', 'hint'), userTurns: 1 };
    expect(followUserLanguage(state, { language: 'es', confidence: 0.6 }, 'hola').language).toBe('es');
  });

  it('never overrides a language the user chose', () => {
    const state = { ...initialState('pt', 'explicit'), userTurns: 1 };
    expect(followUserLanguage(state, { language: 'es', confidence: 1 }, 'no me funciona el correo desde ayer').language).toBe('pt');
  });

  it('later in the conversation, a short or unsure message does not flip the language', () => {
    const state = { ...initialState('es', 'detected'), userTurns: 8 };
    expect(followUserLanguage(state, { language: 'en', confidence: 0.95 }, 'ok thanks').language).toBe('es');
    expect(followUserLanguage(state, { language: 'en', confidence: 0.6 }, 'the printer on floor two is jammed again').language).toBe('es');
    expect(followUserLanguage(state, { language: 'en', confidence: 0.95 }, 'the printer on floor two is jammed again').language).toBe('en');
  });

  it('keeps the language when the text carries no signal', () => {
    const state = { ...initialState('it', 'hint'), userTurns: 1 };
    expect(followUserLanguage(state, null, 'VPN')).toBe(state);
  });
});
