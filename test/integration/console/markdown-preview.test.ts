import { ConsoleClient } from '../../helpers/console-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

const ADMIN = { email: 'boss@example.com', password: 'correct horse battery' };

// Issue 17, item 8: the console's own Markdown preview disagreed with the server: `__` inside words became
// bold, and text around a refused link disappeared. The preview is now the server's reading of the body.
describe('issue 17: the article preview is the server\'s reading of the body', () => {
  let mesa: InProcessMesa;
  let admin: ConsoleClient;

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password });
    admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
  });
  afterAll(() => mesa.stop());

  const preview = async (body: string): Promise<{ blocks: unknown[]; steps: string[] }> => {
    const response = await admin.call<{ blocks: unknown[]; steps: string[] }>('POST', '/kb/preview', { body });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('keeps `__` inside words as written', async () => {
    const { blocks } = await preview('Set my__config__value and run __init__ **now**.');
    expect(blocks).toEqual([{ type: 'paragraph', children: [
      { type: 'text', text: 'Set my__config__value and run ' },
      { type: 'strong', children: [{ type: 'text', text: 'init' }] },
      { type: 'text', text: ' ' },
      { type: 'strong', children: [{ type: 'text', text: 'now' }] },
      { type: 'text', text: '.' },
    ] }]);
  });

  it('keeps the text of a refused link and the text around it; web links stay links', async () => {
    const { blocks } = await preview('Read [the guide](javascript:alert(1)) before [the portal](https://portal.example.com/vpn) opens.');
    expect(blocks).toEqual([{ type: 'paragraph', children: [
      { type: 'text', text: 'Read the guide before ' },
      { type: 'link', href: 'https://portal.example.com/vpn', children: [{ type: 'text', text: 'the portal' }] },
      { type: 'text', text: ' opens.' },
    ] }]);
  });

  it('shows HTML as text, and the steps are what the bot will walk the user through', async () => {
    const { blocks, steps } = await preview('# <script>x()</script>\n\n1. Open **Settings** > `VPN`\n2. Press [Reconnect](data:text/html,hi)\n3. Wait for my__vpn__tunnel\n');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: '<script>x()</script>' }] },
      { type: 'list', ordered: true, items: [
        [{ type: 'text', text: 'Open ' }, { type: 'strong', children: [{ type: 'text', text: 'Settings' }] }, { type: 'text', text: ' > ' }, { type: 'code', text: 'VPN' }],
        [{ type: 'text', text: 'Press Reconnect' }],
        [{ type: 'text', text: 'Wait for my__vpn__tunnel' }],
      ] },
    ]);
    expect(steps).toEqual(['Open Settings > VPN', 'Press Reconnect', 'Wait for my__vpn__tunnel']);
  });

  it('needs a knowledge manager\'s sign-in', async () => {
    expect((await new ConsoleClient(mesa.url).call('POST', '/kb/preview', { body: 'x' })).status).toBe(401);
  });
});
