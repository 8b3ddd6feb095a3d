import type { Language } from '../../../bot/core/language.js';
import type { ChannelUser } from '../channels/channel-harness.js';
import { linkIn, type SelfServiceFixture } from './self-service-fixture.js';

export const RESET_REQUEST: Record<Language, string> = { en: 'I forgot my password', es: 'olvidé mi contraseña', pt: 'esqueci minha senha', it: 'ho dimenticato la password' };

/** Asks for a reset and returns the code that reached the user's registered mailbox. */
export async function requestCode(fixture: SelfServiceFixture, user: ChannelUser, mail: string): Promise<string> {
  const before = fixture.smtp.mails.length;
  await user.say(RESET_REQUEST.en);
  await user.next();
  return fixture.smtp.nextCode(mail, before);
}

/** Runs the chat part of a reset (request, code) and returns the link the bot sent. */
export async function resetLink(fixture: SelfServiceFixture, user: ChannelUser, mail: string): Promise<string> {
  await user.say(await requestCode(fixture, user, mail));
  return linkIn((await user.next()).text);
}

/** Submits the reset form's API call the way the page does. */
export async function submit(link: string, password: string): Promise<{ status: number; body: { status?: string; message?: string; error?: { code: string; message: string } } }> {
  const { origin, pathname } = new URL(link);
  const response = await fetch(`${origin}/api${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
  return { status: response.status, body: (await response.json()) as { status?: string; message?: string; error?: { code: string; message: string } } };
}

/** A six-digit code that is surely not the right one. */
export const wrongCodeFor = (code: string): string => (code === '000000' ? '111111' : '000000');
