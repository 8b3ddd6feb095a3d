import { join, resolve } from 'node:path';
import { createWhatsappClient } from '../../../../channels/whatsapp/real-whatsapp-client.js';
import { ConsoleClient } from '../../../helpers/console-client.js';
import { freshDataDir } from '../../../helpers/start-mesa.js';
import { ADMIN, signedInStaff } from '../../../helpers/service-desk-client.js';
import { startWithFakeWhatsapp, type FakeWhatsappMesa } from '../../../helpers/channels/whatsapp/fake-whatsapp-mesa.js';
import { until } from '../../../helpers/channels/whatsapp/until.js';

interface StatusJson {
  state: string;
  qr?: string;
}

/** Pairing and resuming at the session-storage boundary, on a FAKE whatsapp-web.js client that stores its session where LocalAuth does. */
describe('WhatsApp pairing and session (fake whatsapp-web.js client)', () => {
  const dataDir = freshDataDir('mesa-whatsapp-session-');
  const env = { DATA_DIR: dataDir, MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password };
  let mesa: FakeWhatsappMesa | undefined;

  afterEach(async () => {
    await mesa?.stop();
    mesa = undefined;
  });

  const status = async (client: ConsoleClient): Promise<StatusJson> => (await client.call<StatusJson>('GET', '/whatsapp/status')).body;

  it('shows a first start\'s pairing code to admins only, in the terminal and on the admin page, until the phone scans it', async () => {
    mesa = await startWithFakeWhatsapp({ env, autoPair: false });
    await until(() => mesa!.shownQrs.length > 0, 'a pairing code in the terminal');
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    const waiting = await status(admin);
    expect(waiting.state).toBe('waiting_for_qr');
    expect(waiting.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(waiting.qr!.split(',')[1]!, 'base64').toString()).toContain('<svg');

    expect((await new ConsoleClient(mesa.url).call('GET', '/whatsapp/status')).status).toBe(401);
    const analyst = await signedInStaff(mesa.url, admin, { email: 'ana-whatsapp@example.com', name: 'Ana', roles: ['l1_analyst'] });
    expect((await analyst.call('GET', '/whatsapp/status')).status).toBe(403);

    const page = await fetch(`${mesa.url}/console/whatsapp`, { headers: { cookie: admin.cookie!, 'accept-language': 'es' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Esperando la vinculación');
    expect(html).toContain('<img src="data:image/svg+xml;base64,');
    expect(html).toContain('<meta http-equiv="refresh" content="5">');
    const anonymous = await fetch(`${mesa.url}/console/whatsapp`, { redirect: 'manual' });
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/console']);

    mesa.client().pair();
    await until(async () => (await status(admin)).state === 'ready', 'the admin page to say connected');
    expect((await status(admin)).qr).toBeUndefined();
  });

  it('resumes the paired session after a restart on the same DATA_DIR without a new code', async () => {
    mesa = await startWithFakeWhatsapp({ env, autoPair: false });
    await mesa.connected();
    const [start] = mesa.starts;
    expect(mesa.shownQrs).toEqual([]);
    expect(start).toMatchObject({ dataPath: join(dataDir, 'whatsapp'), clientId: 'mesa' });
    expect(mesa.client().initialized).toBe(true);
  });

  it('configures the real whatsapp-web.js client with that session directory and Debian\'s Chromium (not started: no WhatsApp here)', () => {
    const client = createWhatsappClient({ type: 'start', dataPath: join(dataDir, 'whatsapp'), clientId: 'mesa', chromiumPath: '/usr/bin/chromium' }) as unknown as {
      authStrategy: { dataPath: string; clientId: string; constructor: { name: string } };
      options: { puppeteer: { executablePath: string; headless: boolean; args: string[] } };
    };
    expect(client.authStrategy.constructor.name).toBe('LocalAuth');
    expect(client.authStrategy).toMatchObject({ dataPath: resolve(dataDir, 'whatsapp'), clientId: 'mesa' });
    expect(client.options.puppeteer).toMatchObject({ executablePath: '/usr/bin/chromium', headless: true });
    expect(client.options.puppeteer.args).toContain('--no-sandbox');
  });
});
