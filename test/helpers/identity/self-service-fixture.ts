import type { Browser } from 'playwright-core';
import type { Language } from '../../../bot/core/language.js';
import type { Translate } from '../../../bot/i18n/translator.js';
import { FakeTestChannel } from '../channels/fake-test-channel.js';
import { fakeChannelHarness } from '../channels/fake-channel-harness.js';
import type { ChannelUser } from '../channels/channel-harness.js';
import { expectedTexts } from '../expected-text.js';
import { startInProcess, type InProcessMesa } from '../in-process-mesa.js';
import { launchChromium } from '../../e2e/helpers/chromium.js';
import { startSlapd, type Slapd, type SlapdUser } from './slapd.js';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.js';

/** Mesa wired to a real slapd and a real SMTP server, with the fake push channel for Teams/WhatsApp-like users. */
export interface SelfServiceFixture {
  slapd: Slapd;
  smtp: SmtpCapture;
  mesa: InProcessMesa;
  channel: FakeTestChannel;
  t: (language: Language) => Translate;
  /** Moves Mesa's clock forward (link and code expiry) without sleeping. */
  advance(ms: number): void;
  /** A user of the fake channel whose platform vouches for `verified`. */
  user(id: string, verified: Parameters<FakeTestChannel['identities']['set']>[1]): Promise<ChannelUser>;
  browser(): Promise<Browser>;
  stop(): Promise<void>;
}

export async function startSelfServiceFixture(users: SlapdUser[], env: Record<string, string> = {}): Promise<SelfServiceFixture> {
  const slapd = await startSlapd(users);
  const smtp = await startSmtpCapture();
  const channel = new FakeTestChannel();
  const harness = fakeChannelHarness(channel);
  let offset = 0;
  const mesa = await startInProcess(
    {
      LDAP_URL: slapd.url,
      LDAP_BIND_DN: slapd.bindDn,
      LDAP_BIND_PASSWORD: slapd.bindPassword,
      LDAP_BASE_DN: slapd.baseDn,
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Mesa <mesa@mesa.test>',
      ...env,
    },
    { extraChannels: [channel.plugin()], clock: () => new Date(Date.now() + offset) },
  );
  await harness.attach(mesa);
  const t = await expectedTexts();
  let browser: Browser | null = null;
  return {
    slapd,
    smtp,
    mesa,
    channel,
    t,
    advance: (ms) => {
      offset += ms;
    },
    async user(id, verified) {
      channel.identities.set(id, verified);
      return harness.newUser(id, 'en');
    },
    async browser() {
      browser ??= await launchChromium();
      return browser;
    },
    async stop() {
      await browser?.close();
      await mesa.stop();
      await smtp.stop();
      await slapd.stop();
    },
  };
}

/** The reset link in a bot message. */
export function linkIn(text: string): string {
  const link = /https?:\/\/\S+\/reset\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no reset link in: ${text}`);
  return link;
}
