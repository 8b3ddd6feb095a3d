import { loadLocaleResources } from '../../../../bot/i18n/load-locales.js';
import { createTranslator, type Translator } from '../../../../bot/i18n/translator.js';
import { localesDir } from '../../../../bot/paths.js';
import type { StoredMessage } from '../../../../bot/core/messages.js';
import { messageActivity } from '../../../../channels/teams/message-activity.js';

const message = (fields: Partial<StoredMessage>): StoredMessage => ({ id: 'm1', role: 'bot', text: 'Hola', locale: 'es', createdAt: '2026-12-04T10:00:00.000Z', ...fields }) as StoredMessage;

describe('Teams rendering', () => {
  let translator: Translator;
  beforeAll(async () => {
    translator = await createTranslator(loadLocaleResources(localesDir()));
  });

  it('sends a reply with nothing to press as Markdown text', () => {
    expect(messageActivity(message({ text: '**Hola**' }), translator)).toEqual({ type: 'message', text: '**Hola**', textFormat: 'markdown' });
  });

  it('renders choices as an Adaptive Card 1.4 with one Action.Submit per action carrying its id', () => {
    const activity = messageActivity(message({ text: '¿Qué artículo?', actions: [{ id: 'kb.open.vpn', label: 'VPN' }, { id: 'kb.none', label: 'Ninguno' }] }), translator);
    expect(activity.text).toBeUndefined();
    expect(activity.attachments).toEqual([
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          version: '1.4',
          body: [{ type: 'TextBlock', text: '¿Qué artículo?', wrap: true }],
          actions: [
            { type: 'Action.Submit', title: 'VPN', data: { mesaAction: 'kb.open.vpn' } },
            { type: 'Action.Submit', title: 'Ninguno', data: { mesaAction: 'kb.none' } },
          ],
        },
      },
    ]);
  });

  it('shows a ticket as facts in the message\'s language, and articles without buttons as a list', () => {
    const card = messageActivity(message({ text: 'Listo', ticket: { number: 'INC-0042', status: 'new' }, articles: [{ id: 'vpn', title: 'VPN no conecta', language: 'es' }] }), translator).attachments![0]!.content as { body: unknown[] };
    expect(card.body).toContainEqual({ type: 'FactSet', id: 'mesa-ticket', facts: [{ title: 'Ticket', value: 'INC-0042' }, { title: 'Estado', value: translator.forLanguage('es')('bot:ticket.status.new') }] });
    expect(card.body).toContainEqual(expect.objectContaining({ type: 'TextBlock', text: '- VPN no conecta' }));
  });
});
