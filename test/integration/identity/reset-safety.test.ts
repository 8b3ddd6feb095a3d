import { ChatSession } from '../../helpers/chat-client.js';
import type { SlapdUser } from '../../helpers/identity/slapd.js';
import { requestCode, resetLink, submit, wrongCodeFor } from '../../helpers/identity/reset-steps.js';
import { startSelfServiceFixture, type SelfServiceFixture } from '../../helpers/identity/self-service-fixture.js';

const person = (uid: string, extra: Partial<SlapdUser> = {}): SlapdUser => ({ uid, cn: `Person ${uid}`, password: `Old-${uid}-Passw0rd`, mail: `${uid}@mesa.test`, ...extra });
const people = ['unlocked', 'daily', 'brute', 'once', 'expiry', 'code-expiry', 'alice', 'bob', 'smtp', 'policy', 'racer', 'redact', 'outage'].map((uid) => person(uid));
people.push({ uid: 'nomail', cn: 'No Mail', password: 'Old-nomail-Passw0rd' });

let fixture: SelfServiceFixture;
const t = () => fixture.t('en');
const mailOf = (uid: string): string => `${uid}@mesa.test`;

beforeAll(async () => {
  fixture = await startSelfServiceFixture(people, { MESA_ADMIN_EMAIL: 'admin@mesa.test', MESA_ADMIN_PASSWORD: 'admin-password-123' });
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
});

describe('self-service reset refuses what it must, clearly (real slapd and SMTP; Teams-like users on the fake test channel)', () => {
  it('locks the flow after 5 wrong codes, opens a ticket with the history, and then refuses even the right code', async () => {
    const user = await fixture.user('brute-chat', { upn: 'brute' });
    const code = await requestCode(fixture, user, mailOf('brute'));
    for (let remaining = 4; remaining >= 1; remaining--) {
      await user.say(wrongCodeFor(code));
      expect((await user.next()).text).toBe(t()('password:code_wrong', { remaining }));
    }
    await user.say(wrongCodeFor(code));
    const locked = await user.next();
    expect(locked.text.startsWith(t()('password:locked'))).toBe(true);
    expect(locked.ticket?.number).toMatch(/^SD-\d+$/);
    // The same account from another chat: still locked, and no second ticket.
    const again = await fixture.user('brute-teams', { upn: 'brute@mesa.test' });
    await again.say('I forgot my password');
    const refused = await again.next();
    expect(refused.text).toBe(t()('password:locked_already'));
    expect(refused.ticket).toBeUndefined();
    expect(fixture.smtp.mails.filter((mail) => mail.to.includes(mailOf('brute')))).toHaveLength(1);
  });

  it('locks the flow at the fourth request in a day and tells the service desk once', async () => {
    const user = await fixture.user('daily-chat', { upn: 'daily' });
    for (let request = 0; request < 3; request++) {
      await user.say('I forgot my password');
      const asked = await user.next();
      expect(asked.text).toBe(t()('password:code_sent_email', { address: 'd•••@mesa.test', minutes: 10 }));
      await user.choose(asked.choices.find((choice) => choice.id === 'selfservice.cancel')!);
      expect((await user.next()).text).toBe(t()('password:cancelled'));
    }
    await user.say('I forgot my password');
    const locked = await user.next();
    expect(locked.text.startsWith(t()('password:locked'))).toBe(true);
    expect(locked.ticket?.number).toMatch(/^SD-\d+$/);
  });

  it('an unlock for an account the directory has not locked sends no code and offers a person', async () => {
    const user = await fixture.user('unlocked-chat', { upn: 'unlocked' });
    await user.say('my account is locked');
    const reply = await user.next();
    expect(reply.text).toBe(t()('password:refused.not_locked'));
    expect(reply.choices.map((choice) => choice.id)).toEqual(['intent.human']);
    expect(fixture.smtp.mails.some((mail) => mail.to.includes(mailOf('unlocked')))).toBe(false);
  });

  it('a reset link works once', async () => {
    const link = await resetLink(fixture, await fixture.user('once-chat', { upn: 'once' }), mailOf('once'));
    expect((await submit(link, 'Marmalade-Harbour-93')).status).toBe(200);
    const again = await submit(link, 'Another-Marmalade-94');
    expect(again).toEqual({ status: 409, body: { error: { code: 'reset_link_used', message: t()('password:link.used') } } });
    expect(await fixture.slapd.canBind('once', 'Marmalade-Harbour-93')).toBe(true);
  });

  it('a reset link expires after 15 minutes (injected clock), and nothing is changed', async () => {
    const link = await resetLink(fixture, await fixture.user('expiry-chat', { upn: 'expiry' }), mailOf('expiry'));
    fixture.advance(15 * 60_000 + 1000);
    const page = await fetch(link);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain(t()('password:link.expired'));
    expect((await submit(link, 'Marmalade-Harbour-95')).body.error?.code).toBe('reset_link_expired');
    expect(await fixture.slapd.canBind('expiry', 'Old-expiry-Passw0rd')).toBe(true);
  });

  it('a code expires after 10 minutes', async () => {
    const user = await fixture.user('code-expiry-chat', { upn: 'code-expiry' });
    const code = await requestCode(fixture, user, mailOf('code-expiry'));
    fixture.advance(10 * 60_000 + 1000);
    await user.say(code);
    expect((await user.next()).text).toBe(t()('password:code_expired'));
  });

  it("someone else's code gets nowhere: an identity only ever reaches its own account", async () => {
    const alice = await fixture.user('alice-chat', { upn: 'alice@mesa.test' });
    const bob = await fixture.user('bob-chat', { phone: '+34 999' });
    await bob.say('I forgot my password');
    expect((await bob.next()).text).toBe(t()('password:refused.unknown_user'));
    const bobTeams = await fixture.user('bob-teams', { upn: 'bob' });
    await requestCode(fixture, bobTeams, mailOf('bob'));
    const aliceCode = await requestCode(fixture, alice, mailOf('alice'));
    await bobTeams.say(aliceCode);
    expect((await bobTeams.next()).text).toBe(t()('password:code_wrong', { remaining: 4 }));
    await alice.say(aliceCode);
    expect((await alice.next()).text).toContain('/reset/');
  });

  it('an account without a registered email (and no SMS provider) is sent to a person', async () => {
    const user = await fixture.user('nomail-chat', { upn: 'nomail' });
    await user.say('I forgot my password');
    const reply = await user.next();
    expect(reply.text).toBe(t()('password:refused.no_contact'));
    expect(reply.choices.map((choice) => choice.id)).toEqual(['intent.human']);
  });

  it('a mail outage says so, sends nothing usable, and the next request works', async () => {
    const user = await fixture.user('smtp-chat', { upn: 'smtp' });
    fixture.smtp.refuse = true;
    await user.say('I forgot my password');
    expect((await user.next()).text).toBe(t()('password:refused.delivery_failed'));
    fixture.smtp.refuse = false;
    await user.say(await requestCode(fixture, user, mailOf('smtp')));
    expect((await user.next()).text).toContain('/reset/');
  });

  it('a password the policy refuses is explained and changes nothing; a tampered token is refused', async () => {
    const link = await resetLink(fixture, await fixture.user('policy-chat', { upn: 'policy' }), mailOf('policy'));
    const short = await submit(link, 'Sh0rt!');
    expect(short.status).toBe(422);
    expect(short.body.error?.message).toBe(`${t()('password:page.policy_failed')} ${t()('password:violations.too_short')}`);
    expect((await submit(link, 'Password2024!')).body.error?.message).toContain(t()('password:violations.breached'));
    expect((await submit(link, 'policy-Is-My-Name-42')).body.error?.message).toContain(t()('password:violations.contains_username'));
    const tampered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
    expect((await submit(tampered, 'Marmalade-Harbour-96')).status).toBe(404);
    expect((await fetch(tampered)).status).toBe(404);
    expect((await fetch(`${new URL(link).origin}/reset/not-a-token`)).status).toBe(404);
    expect(await fixture.slapd.canBind('policy', 'Old-policy-Passw0rd')).toBe(true);
    expect((await submit(link, 'Marmalade-Harbour-96')).status).toBe(200);
  });

  it('of concurrent submissions for one link exactly one succeeds', async () => {
    const link = await resetLink(fixture, await fixture.user('racer-chat', { upn: 'racer' }), mailOf('racer'));
    const passwords = [1, 2, 3, 4, 5].map((n) => `Concurrent-Walrus-${n}x`);
    const results = await Promise.all(passwords.map((password) => submit(link, password)));
    expect(results.map((result) => result.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const winner = passwords[results.findIndex((result) => result.status === 200)]!;
    expect(await fixture.slapd.canBind('racer', winner)).toBe(true);
  });

  it('codes and password-like words never reach the transcript', async () => {
    const user = await fixture.user('redact-chat', { upn: 'redact' });
    await user.say('my password is Summer2024! can you fix it');
    expect((await user.next()).text).toBe(t()('password:redacted_warning'));
    const code = await requestCode(fixture, user, mailOf('redact'));
    await user.say(`the code is ${code}`);
    await user.next();
    const stored = await transcriptOf('redact-chat', { upn: 'redact' });
    expect(stored.filter((text) => text === '••••••')).toHaveLength(2);
    expect(stored.join('\n')).not.toContain(code);
    expect(stored.join('\n')).not.toContain('Summer2024');
  });

  it('a web chat user the page did not sign is sent to the service desk', async () => {
    const chat = await ChatSession.create(fixture.mesa.url, { locale: 'en', user: { id: 'someone' } });
    const reply = await chat.ask('I forgot my password');
    expect(reply.text).toBe(t()('password:refused.anonymous'));
  });

  it('admins see the audit; nobody else does, and it never holds a secret', async () => {
    const anonymous = await fetch(`${fixture.mesa.url}/api/console/identity/audit`);
    expect(anonymous.status).toBe(401);
    const { ConsoleClient } = await import('../../helpers/console-client.js');
    const admin = await ConsoleClient.signedIn(fixture.mesa.url, 'admin@mesa.test', 'admin-password-123');
    const audit = await admin.call<{ entries: Array<{ event: string; username: string; channel: string; outcome: string }> }>('GET', '/identity/audit?username=once');
    expect(audit.status).toBe(200);
    expect(audit.body.entries.map((entry) => entry.event).reverse()).toEqual(['requested', 'code_sent', 'verified', 'link_sent', 'password_set', 'link_rejected']);
    expect(audit.body.entries.every((entry) => entry.channel === 'testchat')).toBe(true);
    expect(JSON.stringify(audit.body)).not.toContain('Marmalade');
  });

  it('a directory that stops answering before the submission changes nothing and keeps the link usable', async () => {
    const link = await resetLink(fixture, await fixture.user('outage-chat', { upn: 'outage' }), mailOf('outage'));
    await fixture.slapd.stop();
    const result = await submit(link, 'Marmalade-Harbour-97');
    expect(result).toEqual({ status: 503, body: { error: { code: 'directory_unavailable', message: t()('password:page.unavailable') } } });
    expect((await fetch(link)).status).toBe(200);
    const user = await fixture.user('outage-later', { upn: 'outage' });
    await user.say('I forgot my password');
    const reply = await user.next();
    expect(reply.text).toBe(t()('password:refused.directory_unreachable'));
    expect(reply.choices.map((choice) => choice.id)).toEqual(['intent.human']);
  });
});

/** The user's texts stored for a fake-channel chat, read back through the core as any channel would. */
async function transcriptOf(chatUserId: string, verified: { upn: string }): Promise<string[]> {
  const { conversations } = fixture.mesa.mesa;
  const chatId = `chat-${chatUserId}`;
  const conversation = await conversations.open({ channel: 'testchat', key: chatId, reference: { chatId } }, { user: { externalId: chatUserId, verified } });
  return (await conversations.messagesAfter(conversation.id, null, 100)).filter((message) => message.role === 'user').map((message) => message.text);
}
