import type { Level, TriedArticle } from '../../../bot/core/help-desk.js';
import { defaultTicketingConfig } from '../../../ticketing/config/load-ticketing-config.js';
import type { TicketingConfig } from '../../../ticketing/config/ticketing-config-types.js';
import { categoryOf } from '../../../ticketing/queues/routing.js';
import { priorityOf } from '../../../ticketing/tickets/priority.js';
import { LUCIA, ANA, deskFixture, type DeskFixture } from './helpers/desk-fixture.js';

const vpnArticle: TriedArticle = { id: 'vpn', title: 'VPN', language: 'es', category: 'network', stepsShown: 3, totalSteps: 3, outcome: 'not_fixed' };

describe('priority from impact × urgency (ITIL)', () => {
  const matrix: Array<[Level, Level, number]> = [
    ['high', 'high', 1], ['high', 'medium', 2], ['medium', 'high', 2],
    ['high', 'low', 3], ['medium', 'medium', 3], ['low', 'high', 3],
    ['medium', 'low', 4], ['low', 'medium', 4], ['low', 'low', 5],
  ];

  it.each(matrix)('impact %s, urgency %s → priority %i', (impact, urgency, priority) => {
    expect(priorityOf(defaultTicketingConfig(), impact, urgency)).toBe(priority);
  });

  it('uses the configured matrix for the tickets it opens', async () => {
    const config = defaultTicketingConfig();
    config.priorityMatrix.low.low = 4;
    const fixture = deskFixture({ config });
    try {
      expect((await fixture.open({ impact: 'low', urgency: 'low' })).ticket.priority).toBe(4);
      expect((await fixture.open({ impact: 'high', urgency: 'high' })).ticket.priority).toBe(1);
    } finally {
      fixture.close();
    }
  });
});

/** L1 per language, a Spanish network L1, and two L2 queues: network specialists and everyone else. */
function skillsConfig(): TicketingConfig {
  const config = defaultTicketingConfig();
  config.queues = [
    { id: 'l1-es-net', name: 'L1 Redes', tier: 1, roles: ['l1_analyst'], languages: ['es'], categories: ['network'], calendar: '24x7', assignment: 'pull' },
    { id: 'l1-es', name: 'L1 Español', tier: 1, roles: ['l1_analyst'], languages: ['es'], categories: ['*'], calendar: '24x7', assignment: 'pull' },
    { id: 'l1', name: 'L1', tier: 1, roles: ['l1_analyst'], languages: ['*'], categories: ['*'], calendar: '24x7', assignment: 'pull' },
    { id: 'l2-net', name: 'L2 Network', tier: 2, roles: ['l2_analyst'], languages: ['*'], categories: ['network'], calendar: '24x7', assignment: 'pull' },
    { id: 'l2', name: 'L2', tier: 2, roles: ['l2_analyst'], languages: ['*'], categories: ['*'], calendar: '24x7', assignment: 'pull' },
  ];
  return config;
}

describe('routing by language and category', () => {
  let fixture: DeskFixture;

  beforeEach(() => {
    fixture = deskFixture({ config: skillsConfig() });
  });

  afterEach(() => fixture.close());

  it('takes the category from the first article the bot tried, else general', () => {
    expect(categoryOf({ reason: 'kb_not_fixed', tried: [{ ...vpnArticle, category: undefined }, vpnArticle] })).toBe('network');
    expect(categoryOf({ reason: 'user_asked' })).toBe('general');
  });

  it('sends a ticket to the first-line queue with the skills for its language and category', async () => {
    expect((await fixture.open({ language: 'es', tried: [vpnArticle] })).ticket.queueName).toBe('L1 Redes');
    expect((await fixture.open({ language: 'es' })).ticket.queueName).toBe('L1 Español');
    expect((await fixture.open({ language: 'it', tried: [vpnArticle] })).ticket.queueName).toBe('L1');
  });

  it('escalates to the next tier’s queue that serves the ticket', async () => {
    const network = await fixture.open({ language: 'es', tried: [vpnArticle] });
    const general = await fixture.open({ language: 'pt' });
    for (const { ticket } of [network, general]) await fixture.desk.claim(ANA, ticket.number);
    expect((await fixture.desk.escalate(ANA, network.ticket.number, 'Firewall rule needed')).queueId).toBe('l2-net');
    expect((await fixture.desk.escalate(ANA, general.ticket.number, 'Needs admin rights')).queueId).toBe('l2');
    await fixture.desk.claim(LUCIA, general.ticket.number);
    await expect(fixture.desk.escalate(LUCIA, general.ticket.number, 'No tier 3')).rejects.toMatchObject({ code: 'queue_not_found' });
  });

  it('refuses a transfer to a queue that does not exist', async () => {
    const { ticket } = await fixture.open();
    await expect(fixture.desk.transfer(ANA, ticket.number, 'l9', 'why not')).rejects.toMatchObject({ code: 'queue_not_found', params: { id: 'l9' } });
  });
});
