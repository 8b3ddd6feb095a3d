import type { StoredMessage } from '../../../../bot/core/messages.js';
import { renderBlocks } from '../../../../channels/slack/block-kit.js';
import { expectedTexts } from '../../../helpers/expected-text.js';

const message = (overrides: Partial<StoredMessage>): StoredMessage => ({ id: '1', conversationId: 'c', role: 'bot', text: 'Hello', locale: 'en', createdAt: new Date(0), ...overrides });

describe('Slack Block Kit rendering', () => {
  it('escapes &, < and > so repeated text cannot become a link or an @channel', async () => {
    const t = (await expectedTexts())('en');
    const rendered = renderBlocks(message({ text: 'Tom & Jerry <!channel> <https://evil.example|bank>' }), t);
    expect(rendered.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Tom &amp; Jerry &lt;!channel&gt; &lt;https://evil.example|bank&gt;' } });
    expect(rendered.text).toBe('Tom &amp; Jerry &lt;!channel&gt; &lt;https://evil.example|bank&gt;');
  });

  it('offers choices as buttons carrying the Mesa action id, 25 to an actions block at most', async () => {
    const t = (await expectedTexts())('en');
    const actions = Array.from({ length: 30 }, (_, index) => ({ id: `choice.${index}`, label: `Choice ${index}` }));
    const blocks = renderBlocks(message({ actions }), t).blocks.filter((block) => block.type === 'actions');
    const elements = blocks.map((block) => block.elements as Array<{ action_id: string; value: string; text: { text: string } }>);
    expect(elements.map((list) => list.length)).toEqual([25, 5]);
    expect(elements.flat().map((button) => button.action_id)).toEqual(actions.map((_, index) => `mesa:${index + 1}`));
    expect(elements.flat().map((button) => [button.value, button.text.text])).toEqual(actions.map((action) => [action.id, action.label]));
  });

  it('shortens button labels to Slack\'s 75 characters', async () => {
    const t = (await expectedTexts())('en');
    const [block] = renderBlocks(message({ actions: [{ id: 'long', label: 'x'.repeat(100) }] }), t).blocks.filter((candidate) => candidate.type === 'actions');
    const [button] = block!.elements as Array<{ text: { text: string } }>;
    expect(button!.text.text).toHaveLength(75);
  });

  it('shows the ticket as fields with its status in the user\'s language, and the offered articles by title', async () => {
    const texts = await expectedTexts();
    const rendered = renderBlocks(message({ locale: 'es', ticket: { number: 'INC-0042', status: 'resolved' }, articles: [{ id: 'vpn', title: 'No puedo conectarme a la VPN', language: 'es' }] }), texts('es'));
    const fields = rendered.blocks.find((block) => Array.isArray(block.fields))!.fields as Array<{ text: string }>;
    expect(fields.map((field) => field.text)).toEqual([`*${texts('es')('slack:ticket')}*\nINC-0042`, `*${texts('es')('slack:status')}*\n${texts('es')('bot:ticket.status.resolved')}`]);
    expect(JSON.stringify(rendered.blocks)).toContain('No puedo conectarme a la VPN');
    expect(rendered.metadata).toEqual({ event_type: 'mesa_ticket', event_payload: { number: 'INC-0042', status: 'resolved' } });
  });

  it('splits text longer than a section holds without losing any of it', async () => {
    const t = (await expectedTexts())('en');
    const text = Array.from({ length: 800 }, (_, index) => `word${index}`).join(' ');
    const sections = renderBlocks(message({ text }), t).blocks.filter((block) => block.type === 'section').map((block) => (block.text as { text: string }).text);
    expect(sections.length).toBeGreaterThan(1);
    expect(sections.every((piece) => piece.length <= 3000)).toBe(true);
    expect(sections.join(' ')).toBe(text);
  });
});
