import type { ChannelCapabilities } from '../../bot/core/channel-capabilities.js';
import type { ConversationEngine } from '../../bot/core/conversation-engine.js';
import { ConversationEvents } from '../../bot/core/conversation-events.js';
import { initialState } from '../../bot/core/conversation-state.js';
import { TurnRunner } from '../../bot/core/turn-runner.js';
import { loadLocaleResources } from '../../bot/i18n/load-locales.js';
import { createTranslator } from '../../bot/i18n/translator.js';
import { createLogger } from '../../bot/logger.js';
import { localesDir } from '../../bot/paths.js';
import { openDatabase } from '../../bot/storage/sqlite/open-database.js';
import { SqliteConversationRepository } from '../../bot/storage/sqlite/sqlite-conversation-repository.js';
import { expectedTexts } from '../helpers/expected-text.js';
import { freshDataDir } from '../helpers/start-mesa.js';

async function setUp(engine: ConversationEngine, capabilitiesOf?: (channel: string) => ChannelCapabilities) {
  const repository = new SqliteConversationRepository(openDatabase(freshDataDir()));
  opened.push(repository);
  const user = await repository.upsertUser('webchat', { externalId: 'u1' });
  await repository.createConversation({ id: 'c1', channel: 'webchat', userId: user.id, state: initialState('it', 'hint'), at: new Date() });
  const events = new ConversationEvents();
  const texts = await expectedTexts();
  const translator = await createTranslator(loadLocaleResources(localesDir()));
  const runner = new TurnRunner({ repository, engine, events, translator, logger: createLogger('silent'), clock: () => new Date(), ...(capabilitiesOf ? { capabilitiesOf } : {}) });
  return { repository, runner, texts };
}

const opened: SqliteConversationRepository[] = [];

afterEach(async () => {
  // Closing releases the WAL file handle; leaving it to the garbage collector is deprecated in Node.
  await Promise.all(opened.splice(0).map((repository) => repository.close()));
});

describe('TurnRunner', () => {
  it('a flow that crashes gets the user an apology in their language, and the next message is answered normally', async () => {
    let calls = 0;
    const engine: ConversationEngine = {
      async handle({ state }) {
        calls += 1;
        if (calls === 1) throw new Error('bug in a flow');
        return { state, replies: [{ role: 'bot', locale: state.language, text: 'fine again' }] };
      },
    };
    const { repository, runner, texts } = await setUp(engine);
    await repository.acceptUserMessage({ conversationId: 'c1', text: 'ciao', actionId: null, locale: 'it', at: new Date() });
    await repository.acceptUserMessage({ conversationId: 'c1', text: 'ancora', actionId: null, locale: 'it', at: new Date() });
    runner.schedule('c1');
    await runner.idle();
    const bot = (await repository.messagesAfter('c1', null, 10)).filter((message) => message.role === 'bot').map((message) => message.text);
    expect(bot).toEqual([texts('it')('bot:errors.turn_failed'), 'fine again']);
    expect(await repository.pendingTurns('c1')).toEqual([]);
  });

  it('runs the turns of one conversation one after another, never two at once', async () => {
    let running = 0;
    let overlap = false;
    const engine: ConversationEngine = {
      async handle({ state }) {
        running += 1;
        overlap ||= running > 1;
        await new Promise<void>((resolve) => setImmediate(resolve));
        running -= 1;
        return { state: { ...state, userTurns: state.userTurns + 1 }, replies: [{ role: 'bot', locale: 'it', text: String(state.userTurns + 1) }] };
      },
    };
    const { repository, runner } = await setUp(engine);
    for (let i = 0; i < 5; i += 1) {
      await repository.acceptUserMessage({ conversationId: 'c1', text: `m${i}`, actionId: null, locale: 'it', at: new Date() });
      runner.schedule('c1');
    }
    await runner.idle();
    expect(overlap).toBe(false);
    const bot = (await repository.messagesAfter('c1', null, 20)).filter((message) => message.role === 'bot').map((message) => message.text);
    expect(bot).toEqual(['1', '2', '3', '4', '5']);
  });

  it('fits a reply\'s choices to what the conversation\'s channel can show, keeping the first ones', async () => {
    const seven = Array.from({ length: 7 }, (_unused, index) => ({ id: `choice.${index}`, label: `Choice ${index}` }));
    const engine: ConversationEngine = { handle: async ({ state }) => ({ state, replies: [{ role: 'bot', locale: state.language, text: 'pick one', actions: seven }] }) };
    const { repository, runner } = await setUp(engine, (channel) => ({ buttons: true, maxButtons: channel === 'webchat' ? 6 : 10, cards: true, typing: true, edits: false, markdown: true }));
    await repository.acceptUserMessage({ conversationId: 'c1', text: 'ciao', actionId: null, locale: 'it', at: new Date() });
    runner.schedule('c1');
    await runner.idle();
    const reply = (await repository.messagesAfter('c1', null, 10)).find((message) => message.role === 'bot');
    expect(reply?.actions?.map((action) => action.id)).toEqual(seven.slice(0, 6).map((action) => action.id));
    // A choice left out was never offered, so pressing it is refused like any unknown button.
    expect(await repository.findOfferedAction('c1', 'choice.6')).toBeNull();
  });
});
