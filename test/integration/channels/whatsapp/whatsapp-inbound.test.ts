import { expectedTexts } from '../../../helpers/expected-text.js';
import { startWithFakeWhatsapp, type FakeWhatsappMesa } from '../../../helpers/channels/whatsapp/fake-whatsapp-mesa.js';
import { readWhatsappText } from '../../../helpers/channels/whatsapp/seen-whatsapp-reply.js';
import { until } from '../../../helpers/channels/whatsapp/until.js';

/** Inbound WhatsApp through the adapter and worker protocol, on a FAKE whatsapp-web.js client (no WhatsApp servers here). */
describe('WhatsApp inbound messages (fake whatsapp-web.js client)', () => {
  let mesa: FakeWhatsappMesa;
  let texts: Awaited<ReturnType<typeof expectedTexts>>;

  beforeAll(async () => {
    texts = await expectedTexts();
    mesa = await startWithFakeWhatsapp({ env: { MESA_STARTER_KB: 'on' } });
    await mesa.connected();
  }, 120_000);

  afterAll(async () => {
    await mesa?.stop();
  });

  const sentTo = (chatId: string): string[] => mesa.client().sent.filter((sent) => sent.chatId === chatId).map((sent) => sent.text);
  const conversationOf = (phone: string) =>
    mesa.mesa.conversations.open({ channel: 'whatsapp', key: `${phone}@c.us`, reference: { chatId: `${phone}@c.us` } }, { user: { externalId: phone } });

  it('answers a private chat in its language, with the phone number as the verified identity', async () => {
    const chatId = '34600111001@c.us';
    mesa.client().receive({ from: chatId, body: 'hola', _data: { notifyName: 'Lucía' } });
    const { text } = await mesa.client().nextSent(chatId, 0);
    expect(readWhatsappText(text).text).toBe(texts('es')('bot:greeting'));
    // The core's ConversationService.start() stores only externalId/name/email for a new user; what the platform
    // verifies is saved from the chat's second message on (reported upstream, outside this channel).
    mesa.client().receive({ from: chatId, body: 'gracias', _data: { notifyName: 'Lucía' } });
    await mesa.client().nextSent(chatId, 1);
    const user = await mesa.mesa.conversations.userOf(await conversationOf('34600111001'));
    expect(user).toMatchObject({ channel: 'whatsapp', externalId: '34600111001', name: 'Lucía', verified: { phone: '+34600111001' } });
  });

  it('answers a number with the choice it stands for', async () => {
    const chatId = '34600111002@c.us';
    mesa.client().receive({ from: chatId, body: 'la VPN no me conecta desde casa' });
    const offer = readWhatsappText((await mesa.client().nextSent(chatId, 0, (text) => readWhatsappText(text).labels.length > 0)).text);
    const before = mesa.client().sent.length;
    mesa.client().receive({ from: chatId, body: '1' });
    await mesa.client().nextSent(chatId, before);
    const transcript = await mesa.mesa.conversations.messagesAfter((await conversationOf('34600111002')).id, null);
    expect(transcript.filter((message) => message.role === 'user').map((message) => message.text)).toEqual(['la VPN no me conecta desde casa', offer.labels[0]]);
  });

  it('answers media (image, voice note, document, sticker, location) in the user\'s language, through the core (which records it)', async () => {
    const chatId = '34600111003@c.us';
    mesa.client().receive({ from: chatId, body: 'hola' });
    await mesa.client().nextSent(chatId, 0);
    const media = [{ type: 'image', hasMedia: true }, { type: 'ptt', hasMedia: true }, { type: 'document', hasMedia: true }, { type: 'sticker', hasMedia: true }, { type: 'location', hasMedia: false }];
    for (const fields of media) mesa.client().receive({ from: chatId, body: '', ...fields });
    await until(() => sentTo(chatId).length === 1 + media.length, 'an answer to each media message');
    expect(sentTo(chatId).slice(1).map((text) => readWhatsappText(text).text)).toEqual(media.map(() => texts('es')('bot:attachment.cannot_read')));
  });

  it('ignores groups, status updates, its own messages, edits and deletions, and answers a redelivered message once', async () => {
    const client = mesa.client();
    client.receive({ from: '120363012345678901@g.us', body: 'hola a todos', author: '34600111004@c.us' } as never);
    client.receive({ from: 'status@broadcast', body: 'mi estado', isStatus: true });
    client.receive({ from: '34600111005@c.us', body: 'hello from the bot\'s own phone', fromMe: true });
    client.receive({ from: '34600111006@c.us', body: 'edited text', latestEditSenderTimestampMs: 1_700_000_000_000 });
    client.receive({ from: '34600111006@c.us', body: '', type: 'revoked' });
    const chatId = '34600111007@c.us';
    const first = client.receive({ from: chatId, body: 'hello' });
    client.emit('message', first);
    await client.nextSent(chatId, 0);
    // A later message's answer proves the ones before it were all taken in (each chat in order, the worker in order).
    client.receive({ from: chatId, body: 'en español por favor' });
    await until(() => sentTo(chatId).length === 2, 'the answer to the next message');
    for (const ignored of ['120363012345678901@g.us', 'status@broadcast', '34600111005@c.us', '34600111006@c.us']) expect(sentTo(ignored)).toEqual([]);
    expect(sentTo(chatId).map((text) => readWhatsappText(text).text)).toEqual([texts('en')('bot:greeting'), texts('es')('bot:language.switched')]);
  });

  it('keeps a reply WhatsApp refused and sends it once WhatsApp takes messages again (fake outage)', async () => {
    const chatId = '34600111008@c.us';
    const client = mesa.client();
    client.failSends = true;
    client.receive({ from: chatId, body: 'hello' });
    const conversation = await conversationOf('34600111008');
    await until(async () => (await mesa.mesa.conversations.messagesAfter(conversation.id, null)).some((message) => message.role === 'bot'), 'the reply to be committed');
    client.failSends = false;
    const { text } = await client.nextSent(chatId, 0, () => true, 20_000);
    expect(readWhatsappText(text).text).toBe(texts('en')('bot:greeting'));
    expect(sentTo(chatId)).toHaveLength(1);
  }, 30_000);
});
