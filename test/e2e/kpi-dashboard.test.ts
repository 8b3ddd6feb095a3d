import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { ChatSession } from '../helpers/chat-client.js';
import { ConsoleClient } from '../helpers/console-client.js';
import { answerUntilTicket, signedInStaff } from '../helpers/service-desk-client.js';
import { startMesa, type RunningMesa } from '../helpers/start-mesa.js';
import { launchChromium } from './helpers/chromium.js';

const ADMIN = { email: 'admin@example.com', password: 'e2e admin password' };
const COORDINATOR = { email: 'carmen@example.com', name: 'Carmen', roles: ['coordinator'] };
const read = (file: string): Record<string, string> => JSON.parse(readFileSync(resolve(`locales/es/${file}.json`), 'utf8')) as Record<string, string>;
const s = { ...read('console'), ...read('kpi') };

describe('the coordinators\' KPI dashboard in Chromium', () => {
  let mesa: RunningMesa;
  let browser: Browser;
  let number = '';

  beforeAll(async () => {
    [mesa, browser] = await Promise.all([startMesa({ env: { MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password } }), launchChromium()]);
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    await signedInStaff(mesa.url, admin, COORDINATOR);
    const chat = await ChatSession.create(mesa.url, { locale: 'es' });
    await chat.ask('quiero hablar con un agente');
    number = (await answerUntilTicket(chat, await chat.ask('El monitor no enciende'))).ticket!.number;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await mesa?.stop();
  });

  it('shows the period\'s figures in Spanish, draws the satisfaction chart, and opens the ticket behind "tickets opened"', async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${mesa.url}/console`);
    await page.getByLabel(s.email!, { exact: true }).fill(COORDINATOR.email);
    await page.getByLabel(s.password!, { exact: true }).fill(`${COORDINATOR.email}-password-123`);
    await page.getByRole('button', { name: s.signIn, exact: true }).click();
    await page.getByRole('link', { name: s.navKpis, exact: true }).click();
    await page.getByRole('heading', { name: s.kpi_title, exact: true }).waitFor();

    const opened = page.locator('.kpi-card', { hasText: s.kpi_ticketsOpened });
    await opened.locator('.kpi-value', { hasText: '1' }).waitFor();
    // The chart library loads from Mesa itself (the console's CSP allows no other source) and takes the canvas over:
    // Chart.js styles each canvas it draws into as a border-box block.
    await page.locator('.kpi-chart canvas[style*="border-box"]').first().waitFor();

    await opened.getByRole('button').click();
    await page.getByRole('heading', { name: s.kpi_drilldown!.replace('{{figure}}', s.kpi_figure_opened!) }).waitFor();
    await page.getByRole('link', { name: number, exact: true }).waitFor();

    await page.getByLabel(s.kpi_breakdown!, { exact: true }).selectOption('channel');
    await page.getByRole('button', { name: s.kpi_apply, exact: true }).click();
    await page.getByRole('rowheader', { name: 'webchat', exact: true }).waitFor();
    const csv = await page.getByRole('link', { name: s.kpi_exportCsv, exact: true }).first().getAttribute('href');
    expect(csv).toContain('format=csv');
    await context.close();
  });
});
