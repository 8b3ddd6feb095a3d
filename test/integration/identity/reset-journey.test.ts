import { LANGUAGES, type Language } from '../../../bot/core/language.js';
import type { SlapdUser } from '../../helpers/identity/slapd.js';
import { linkIn, startSelfServiceFixture, type SelfServiceFixture } from '../../helpers/identity/self-service-fixture.js';

const RESET: Record<Language, string> = { en: 'I forgot my password', es: 'olvidé mi contraseña', pt: 'esqueci minha senha', it: 'ho dimenticato la password' };
const UNLOCK: Record<Language, string> = { en: 'my account is locked', es: 'mi cuenta está bloqueada', pt: 'minha conta está bloqueada', it: 'il mio account è bloccato' };

const people: SlapdUser[] = LANGUAGES.flatMap((language, index) => [
  { uid: `teams-${language}`, cn: `Teams ${language}`, password: `Old-${language}-Passw0rd-t`, mail: `teams-${language}@mesa.test` },
  { uid: `wa-${language}`, cn: `Whats ${language}`, password: `Old-${language}-Passw0rd-w`, mail: `wa-${language}@mesa.test`, mobile: `+39 333 000 10${index}` },
  { uid: `locked-${language}`, cn: `Locked ${language}`, password: `Old-${language}-Passw0rd-l`, mail: `locked-${language}@mesa.test` },
]);

let fixture: SelfServiceFixture;

beforeAll(async () => {
  fixture = await startSelfServiceFixture(people);
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
});

/** Fills the reset page in Chromium the way a person does, and returns what the page finally says. */
async function submitInBrowser(link: string, password: string): Promise<string> {
  const page = await (await fixture.browser()).newPage();
  try {
    await page.goto(link);
    await page.fill('#password', password);
    await page.waitForSelector('#rules li[data-rule="too_short"].passing');
    await page.waitForSelector('#rules li[data-rule="breached"].passing');
    await page.fill('#confirm', password);
    await page.waitForSelector('#rules li[data-rule="mismatch"].passing');
    await page.click('#submit');
    await page.waitForSelector('#reset-form', { state: 'detached' });
    return (await page.textContent('#status')) ?? '';
  } finally {
    await page.close();
  }
}

describe.each([...LANGUAGES])('password reset and unlock in %s against a real OpenLDAP (slapd), a real SMTP server and Chromium', (language) => {
  const identities = [
    { platform: 'Teams-identified', uid: `teams-${language}`, verified: { upn: `teams-${language}@mesa.test` } },
    { platform: 'WhatsApp-identified', uid: `wa-${language}`, verified: { phone: `+3933300010${LANGUAGES.indexOf(language)}` } },
  ];

  it.each(identities)('a $platform user resets their password end to end: code by email, link, page, new password binds', async ({ uid, verified }) => {
    const t = fixture.t(language);
    const person = people.find((candidate) => candidate.uid === uid)!;
    const user = await fixture.user(`${uid}-chat`, verified);
    const mailsBefore = fixture.smtp.mails.length;
    await user.say(RESET[language]);
    const asked = await user.next();
    expect(asked.text).toBe(t('password:code_sent_email', { address: `${uid[0]}•••@mesa.test`, minutes: 10 }));
    const code = await fixture.smtp.nextCode(person.mail!, mailsBefore);
    await user.say(code);
    const linked = await user.next();
    const link = linkIn(linked.text);
    expect(linked.text).toBe(t('password:link_sent', { link, minutes: 15 }));

    const newPassword = `Tangerine-Bicycle-${language}-47`;
    expect(await submitInBrowser(link, newPassword)).toBe(t('password:page.done'));
    expect((await user.next()).text).toBe(t('password:changed_in_chat'));
    expect(await fixture.slapd.canBind(uid, newPassword)).toBe(true);
    expect(await fixture.slapd.canBind(uid, person.password)).toBe(false);
  });

  it('a user locked out by ppolicy unlocks their account without changing the password', async () => {
    const t = fixture.t(language);
    const uid = `locked-${language}`;
    const person = people.find((candidate) => candidate.uid === uid)!;
    for (let attempt = 0; attempt < 5; attempt++) expect(await fixture.slapd.canBind(uid, 'wrong-password')).toBe(false);
    expect(await fixture.slapd.isLocked(uid)).toBe(true);
    expect(await fixture.slapd.canBind(uid, person.password)).toBe(false);

    const user = await fixture.user(`${uid}-chat`, { upn: uid });
    const mailsBefore = fixture.smtp.mails.length;
    await user.say(UNLOCK[language]);
    expect((await user.next()).text).toBe(t('password:code_sent_email', { address: 'l•••@mesa.test', minutes: 10 }));
    await user.say(await fixture.smtp.nextCode(person.mail!, mailsBefore));
    expect((await user.next()).text).toBe(t('password:unlocked'));
    expect(await fixture.slapd.isLocked(uid)).toBe(false);
    expect(await fixture.slapd.canBind(uid, person.password)).toBe(true);
  });
});
