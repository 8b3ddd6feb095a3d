import { ChatSession } from '../../helpers/chat-client.js';
import { ConsoleClient } from '../../helpers/console-client.js';
import { expectedTexts } from '../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { ADMIN, answerUntilTicket, signedInStaff } from '../../helpers/service-desk-client.js';

interface KpiJson {
  totals: { ticketsOpened: number; ticketsResolved: number; firstContactResolution: { count: number; of: number } };
  rows?: Array<{ key: string | null; figures: { ticketsOpened: number } }>;
}

describe('the coordinators\' KPI API: figures, breakdowns, the tickets behind them, CSV and the monthly report', () => {
  let mesa: InProcessMesa;
  let coordinator: ConsoleClient;
  let analyst: ConsoleClient;
  let number: string;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password });
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    coordinator = await signedInStaff(mesa.url, admin, { email: 'carmen@example.com', name: 'Carmen', roles: ['coordinator'] });
    analyst = await signedInStaff(mesa.url, admin, { email: 'lucia@example.com', name: 'Lucía', roles: ['l1_analyst'] });
    const chat = await ChatSession.create(mesa.url, { locale: 'es', user: { id: 'maria' } });
    await chat.ask('quiero hablar con un agente');
    const opened = await answerUntilTicket(chat, await chat.ask('La impresora del tercer piso no imprime <b>nada</b>'));
    number = opened.ticket!.number;
    await analyst.call('POST', `/desk/tickets/${number}/claim`);
    await analyst.call('POST', `/desk/tickets/${number}/resolve`, { resolution: 'Replaced the toner' });
  }, 120_000);

  afterAll(async () => {
    await mesa?.stop();
  });

  const raw = (client: ConsoleClient, path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${mesa.url}/api/console${path}`, { headers: { cookie: client.cookie!, ...headers } });

  it('counts today\'s ticket and its first-contact resolution, and breaks them down by channel', async () => {
    const response = await coordinator.call<KpiJson>('GET', `/kpis?from=${today}&to=${today}&by=channel`);
    expect(response.status).toBe(200);
    expect(response.body.totals).toMatchObject({ ticketsOpened: 1, ticketsResolved: 1, firstContactResolution: { count: 1, of: 1 } });
    expect(response.body.rows).toEqual([expect.objectContaining({ key: 'webchat', figures: expect.objectContaining({ ticketsOpened: 1 }) })]);
    const behind = await coordinator.call<{ tickets: Array<{ number: string }> }>('GET', `/kpis/tickets?figure=first_contact_resolved&from=${today}&to=${today}`);
    expect(behind.body.tickets.map((ticket) => ticket.number)).toEqual([number]);
  });

  it('exports a table as CSV with the headers in the coordinator\'s language', async () => {
    const texts = await expectedTexts();
    const csv = await raw(coordinator, `/kpis?from=${today}&to=${today}&by=queue&format=csv`, { 'accept-language': 'es' });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, row] = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(',').slice(0, 2)).toEqual([texts('es')('kpi:kpi_by_queue'), texts('es')('kpi:kpi_ticketsOpened')]);
    expect(row!.split(',').slice(0, 3)).toEqual(['l1', '1', '1']);
  });

  it('serves the month\'s report as a printable page where nothing runs', async () => {
    const texts = await expectedTexts();
    const month = today.slice(0, 7);
    const page = await raw(coordinator, `/kpis/report?month=${month}&lang=pt`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain(texts('pt')('kpi:kpi_reportTitle', { month }));
    expect(html).not.toContain('<script');
  });

  it('is for coordinators, and says what is wrong with a bad period', async () => {
    expect((await analyst.call('GET', '/kpis')).status).toBe(403);
    const backwards = await coordinator.call<{ error: { code: string; message: string } }>('GET', '/kpis?from=2026-12-01&to=2026-11-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('invalid_request');
    expect((await coordinator.call('GET', '/kpis?from=yesterday')).status).toBe(400);
    expect((await coordinator.call('GET', '/kpis/tickets?figure=everything')).status).toBe(400);
  });
});
