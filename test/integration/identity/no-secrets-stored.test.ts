import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatSession } from '../../helpers/chat-client.js';
import { startSlapd, type Slapd } from '../../helpers/identity/slapd.js';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/identity/smtp-capture.js';
import { linkIn } from '../../helpers/identity/self-service-fixture.js';
import { submit } from '../../helpers/identity/reset-steps.js';
import { startMesa, type RunningMesa } from '../../helpers/start-mesa.js';
import { signUserId } from '../../../channels/webchat/user-identity.js';

const SECRET = 'an-intranet-secret-of-at-least-32-chars';
const NEW_PASSWORD = 'Quokka-Lantern-Meadow-58';

let slapd: Slapd;
let smtp: SmtpCapture;
let mesa: RunningMesa;
let stderr = '';

beforeAll(async () => {
  slapd = await startSlapd([{ uid: 'grep', cn: 'Grep Person', password: 'Old-grep-Passw0rd', mail: 'grep@mesa.test' }]);
  smtp = await startSmtpCapture();
  mesa = await startMesa({
    env: {
      LOG_LEVEL: 'trace',
      MESA_WEBCHAT_IDENTITY_SECRET: SECRET,
      LDAP_URL: slapd.url,
      LDAP_BIND_DN: slapd.bindDn,
      LDAP_BIND_PASSWORD: slapd.bindPassword,
      LDAP_BASE_DN: slapd.baseDn,
      SMTP_URL: smtp.url,
      SMTP_FROM: 'mesa@mesa.test',
    },
  });
  mesa.process.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
}, 60_000);

afterAll(async () => {
  await mesa?.kill();
  await smtp?.stop();
  await slapd?.stop();
});

/** Every byte of the SQLite database Mesa wrote (main file, WAL, shared memory). */
function databaseBytes(dataDir: string): string {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith('mesa.db'))
    .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
    .join('');
}

describe('after a full reset through a signed web chat (Mesa from dist/, real slapd and SMTP)', () => {
  it('neither the code nor the new password is in the SQLite files or the logs', async () => {
    const signed = await fetch(`${mesa.url}/api/chat/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mesa-identity': signUserId(SECRET, 'grep') },
      body: JSON.stringify({ locale: 'en', user: { id: 'grep' } }),
    });
    expect(signed.status).toBe(201);
    const { sessionId, token } = (await signed.json()) as { sessionId: string; token: string };
    const session = new ChatSession(mesa.url, sessionId, token);
    await session.ask('I forgot my password');
    const code = await smtp.nextCode('grep@mesa.test', 0);
    const link = linkIn((await session.ask(`my code is ${code}`)).text);
    expect((await submit(link, NEW_PASSWORD)).status).toBe(200);
    const [confirmation] = await session.botReplies(1);
    expect(confirmation?.text).toContain('password has been changed');
    expect(await slapd.canBind('grep', NEW_PASSWORD)).toBe(true);

    expect(await mesa.stop()).toBe(0);
    const logs = `${mesa.logs.map((line) => JSON.stringify(line)).join('\n')}\n${stderr}`;
    expect(mesa.logs.length).toBeGreaterThan(10);
    const database = databaseBytes(mesa.dataDir);
    expect(database.length).toBeGreaterThan(0);
    for (const secret of [code, NEW_PASSWORD]) {
      expect(database.includes(secret)).toBe(false);
      expect(logs.includes(secret)).toBe(false);
    }
    // The transcript still shows that something was said, masked.
    expect(Buffer.from(database, 'latin1').includes(Buffer.from('••••••'))).toBe(true);
  });
});
