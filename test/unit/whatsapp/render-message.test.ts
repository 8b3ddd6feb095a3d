import { loadLocaleResources } from '../../../bot/i18n/load-locales.js';
import { createTranslator } from '../../../bot/i18n/translator.js';
import { localesDir } from '../../../bot/paths.js';
import { renderWhatsappMessage } from '../../../channels/whatsapp/render-message.js';
import { readWhatsappText } from '../../helpers/channels/whatsapp/seen-whatsapp-reply.js';

const base = { id: '7', conversationId: 'c', role: 'bot' as const, createdAt: new Date(0) };

describe('a Mesa reply rendered as one WhatsApp text', () => {
  let translator: Awaited<ReturnType<typeof createTranslator>>;
  beforeAll(async () => {
    translator = await createTranslator(loadLocaleResources(localesDir()));
  });

  it('lists the choices by number under the text, with a hint in the user\'s language', () => {
    const text = renderWhatsappMessage({ ...base, locale: 'es', text: '¿Se ha solucionado?', actions: [{ id: 'yes', label: 'Sí' }, { id: 'no', label: 'No' }] }, translator.forLanguage('es'));
    expect(text).toBe('¿Se ha solucionado?\n\n1. Sí\n2. No\n_Responde con un número._');
  });

  it('shows the ticket as a bold line with its status in words, and article titles not already among the choices', () => {
    const text = renderWhatsappMessage(
      { ...base, locale: 'en', text: 'Here is what I found.', ticket: { number: 'INC-0042', status: 'in_progress' }, articles: [{ id: 'a', title: 'VPN fails', language: 'en' }, { id: 'b', title: 'Reset MFA', language: 'en' }], actions: [{ id: 'kb.a', label: 'VPN fails' }] },
      translator.forLanguage('en'),
    );
    expect(text).toBe('Here is what I found.\n\n🎫 *INC-0042* · in progress\n\n📄 *Reset MFA*\n\n1. VPN fails\n_Reply with a number._');
    expect(readWhatsappText(text)).toEqual({ text: 'Here is what I found.', labels: ['VPN fails'], ticket: { number: 'INC-0042', status: 'in progress' } });
  });

  it('sends plain text as it is', () => {
    expect(renderWhatsappMessage({ ...base, locale: 'it', text: 'Ciao!' }, translator.forLanguage('it'))).toBe('Ciao!');
  });
});
