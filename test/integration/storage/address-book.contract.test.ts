import type { AddressBook } from '../../../bot/core/address-book.js';
import type { ConversationRepository, NewReply } from '../../../bot/core/conversation-repository.js';
import { initialState } from '../../../bot/core/conversation-state.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { SqliteAddressBook } from '../../../bot/storage/sqlite/sqlite-address-book.js';
import { SqliteConversationRepository } from '../../../bot/storage/sqlite/sqlite-conversation-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

/** The address book points into the transcript, so an engine opens both on the same storage. */
interface Store {
  addresses: AddressBook;
  conversations: ConversationRepository;
  close(): Promise<void>;
}

interface Engine {
  name: string;
  open(dataDir: string): Store;
}

/** Every storage engine must pass the same suite; MongoDB joins this list when it lands. */
const engines: Engine[] = [
  {
    name: 'sqlite',
    open(dataDir) {
      const db = openDatabase(dataDir);
      const conversations = new SqliteConversationRepository(db);
      return { addresses: new SqliteAddressBook(db), conversations, close: () => conversations.close() };
    },
  },
];

const at = new Date('2026-05-04T08:00:00Z');
const reply = (role: NewReply['role'], text: string): NewReply => ({ role, locale: 'en', text });

describe.each(engines)('AddressBook on $name', (engine) => {
  let dataDir: string;
  let store: Store;

  beforeEach(() => {
    dataDir = freshDataDir('mesa-addresses-');
    store = engine.open(dataDir);
  });

  afterEach(() => store.close());

  async function conversation(id: string, channel = 'teams'): Promise<string> {
    const user = await store.conversations.upsertUser(channel, { externalId: `user-${id}` });
    await store.conversations.createConversation({ id, channel, userId: user.id, state: initialState('en', 'default'), at });
    return id;
  }

  const userSays = (conversationId: string, text: string) => store.conversations.acceptUserMessage({ conversationId, text, actionId: null, locale: 'en', at });

  async function botAnswers(conversationId: string, text: string): Promise<string> {
    const inbound = await userSays(conversationId, `question before ${text}`);
    const [stored] = await store.conversations.completeTurn({ conversationId, inboundId: inbound.id, state: initialState('en', 'default'), replies: [reply('bot', text)], at });
    return stored!.id;
  }

  it('finds an address by its channel and key and by its conversation, with the reference as saved', async () => {
    const id = await conversation('c1');
    expect(await store.addresses.find('teams', '19:abc@thread.v2')).toBeNull();
    expect(await store.addresses.ofConversation(id)).toBeNull();
    const reference = { serviceUrl: 'https://smba.example/emea/', conversation: { id: '19:abc@thread.v2', tenantId: 't1' }, bot: { id: '28:bot' } };
    await store.addresses.save({ channel: 'teams', key: '19:abc@thread.v2', conversationId: id, reference });

    const expected = { channel: 'teams', key: '19:abc@thread.v2', conversationId: id, reference };
    expect(await store.addresses.find('teams', '19:abc@thread.v2')).toEqual(expected);
    expect(await store.addresses.ofConversation(id)).toEqual(expected);
    // Keys belong to their platform: the same key on another channel is another address.
    expect(await store.addresses.find('slack', '19:abc@thread.v2')).toBeNull();
    expect(await store.addresses.find('teams', '19:ABC@thread.v2')).toBeNull();
  });

  it('saving a known address again refreshes only its reference: the conversation and the cursor stay', async () => {
    const id = await conversation('c1');
    const other = await conversation('c2');
    await store.addresses.save({ channel: 'slack', key: 'T1:C1', conversationId: id, reference: { token: 'v1' } });
    const delivered = await botAnswers(id, 'hello');
    await store.addresses.markDelivered(id, delivered);

    await store.addresses.save({ channel: 'slack', key: 'T1:C1', conversationId: other, reference: { token: 'v2', thread: '1.2' } });
    expect(await store.addresses.find('slack', 'T1:C1')).toEqual({ channel: 'slack', key: 'T1:C1', conversationId: id, reference: { token: 'v2', thread: '1.2' } });
    expect(await store.addresses.ofConversation(other)).toBeNull();
    expect(await store.addresses.deliveredThrough(id)).toBe(delivered);
  });

  it('starts the cursor before the first message, and never moves it back', async () => {
    const id = await conversation('c1');
    await store.addresses.save({ channel: 'teams', key: 'k1', conversationId: id, reference: null });
    expect(await store.addresses.deliveredThrough(id)).toBe('0');
    // The relay reads the transcript from the cursor: '0' is before everything.
    const ids: string[] = [];
    for (let turn = 0; turn < 12; turn++) ids.push(await botAnswers(id, `answer ${turn}`));
    expect(await store.conversations.messagesAfter(id, '0', 100)).toEqual(await store.conversations.messagesAfter(id, null, 100));

    // Ids of different lengths (…, 9, 10, …) must compare as the transcript's order, not as text.
    await store.addresses.markDelivered(id, ids[10]!);
    expect(await store.addresses.deliveredThrough(id)).toBe(ids[10]);
    for (const older of ids.slice(0, 10).reverse()) {
      await store.addresses.markDelivered(id, older);
      expect(await store.addresses.deliveredThrough(id)).toBe(ids[10]);
    }
    await store.addresses.markDelivered(id, ids[11]!);
    expect(await store.addresses.deliveredThrough(id)).toBe(ids[11]);
    expect(await store.conversations.messagesAfter(id, await store.addresses.deliveredThrough(id), 100)).toEqual([]);
  });

  it('lists the conversations with bot, agent or system messages past their cursor, not those with only user messages there', async () => {
    const [answered, agent, system, quiet, web] = await Promise.all(['answered', 'agent', 'system', 'quiet', 'web'].map((id) => conversation(id)));
    for (const id of [answered!, agent!, system!, quiet!]) await store.addresses.save({ channel: 'teams', key: `key-${id}`, conversationId: id, reference: {} });
    expect(await store.addresses.undelivered(['teams'])).toEqual([]);

    const sent = await botAnswers(answered!, 'hello');
    await store.conversations.appendMessages({ conversationId: agent!, replies: [reply('agent', 'Hi, this is Ana')], dedupeKey: null, at });
    await store.conversations.appendMessages({ conversationId: system!, replies: [reply('system', 'Ana joined')], dedupeKey: null, at });
    await userSays(quiet!, 'anyone there?');
    // A conversation without an address (the web chat) is nobody's to deliver.
    await botAnswers(web!, 'pulled, not pushed');
    expect((await store.addresses.undelivered(['teams'])).sort()).toEqual([agent, answered, system].sort());

    await store.addresses.markDelivered(answered!, sent);
    await userSays(answered!, 'thanks');
    expect((await store.addresses.undelivered(['teams'])).sort()).toEqual([agent, system].sort());
    const [agentMessage] = await store.conversations.messagesAfter(agent!, null, 10);
    await store.addresses.markDelivered(agent!, agentMessage!.id);
    expect(await store.addresses.undelivered(['teams'])).toEqual([system]);
  });

  it('keeps addresses and cursors across a reopen of the storage, so what a crash left unsent is found', async () => {
    const id = await conversation('c1');
    await store.addresses.save({ channel: 'whatsapp', key: '34600000000@c.us', conversationId: id, reference: { chatId: '34600000000@c.us' } });
    const first = await botAnswers(id, 'one');
    await store.addresses.markDelivered(id, first);
    await botAnswers(id, 'two');
    await store.close();
    store = engine.open(dataDir);
    expect(await store.addresses.find('whatsapp', '34600000000@c.us')).toMatchObject({ conversationId: id, reference: { chatId: '34600000000@c.us' } });
    expect(await store.addresses.deliveredThrough(id)).toBe(first);
    expect(await store.addresses.undelivered(['whatsapp'])).toEqual([id]);
    // Only the channels asked about: another push channel's relay does not pick this conversation up.
    expect(await store.addresses.undelivered(['teams'])).toEqual([]);
    expect((await store.conversations.messagesAfter(id, first, 10)).map((message) => [message.role, message.text])).toEqual([
      ['user', 'question before two'],
      ['bot', 'two'],
    ]);
  });
});
