import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const LANGUAGES = ['en', 'es', 'pt', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Browser locale per language, as a user's browser would report it. */
export const BROWSER_LOCALES: Record<Language, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-BR', it: 'it-IT' };

/**
 * A fresh browser profile (own localStorage) whose browser reports this language. Waits fail after
 * 10 s, well inside jest's 30 s, so a failure names the missing element instead of timing out.
 */
export async function newWidgetContext(browser: Browser, language: Language): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: BROWSER_LOCALES[language] });
  context.setDefaultTimeout(10_000);
  return context;
}

/** The strings the tests look for; the widget shows more. */
const KEYS_USED = ['launcherLabel', 'title', 'close', 'inputLabel', 'inputPlaceholder', 'send', 'sendError'] as const;
export type WidgetStrings = Record<(typeof KEYS_USED)[number], string>;

export function widgetStrings(language: Language): WidgetStrings {
  const file = resolve(process.cwd(), 'locales', language, 'widget.json');
  const strings = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<string, string>>;
  const missing = KEYS_USED.filter((key) => !strings[key]);
  if (missing.length > 0) throw new Error(`${file} lacks ${missing.join(', ')}`);
  return strings as WidgetStrings;
}

/** The demo page's widget, located the way a user (or a screen reader) finds it: by role and name. */
export class WidgetPage {
  constructor(readonly page: Page, readonly strings: WidgetStrings) {}

  get launcher(): Locator {
    return this.page.getByRole('button', { name: this.strings.launcherLabel, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.strings.title, exact: true });
  }

  get log(): Locator {
    return this.dialog.getByRole('log');
  }

  get input(): Locator {
    return this.dialog.getByLabel(this.strings.inputLabel, { exact: true });
  }

  /** Messages of one role, in the order shown. */
  messages(role: 'user' | 'bot' | 'agent' | 'system'): Locator {
    return this.log.locator(`.msg[data-role="${role}"]`);
  }

  /** Bubbles of one role whose whole text is exactly `text`. */
  bubblesWithText(role: 'user' | 'bot' | 'agent' | 'system', text: string): Locator {
    return this.messages(role).locator('.bubble').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.launcher.click();
    await this.dialog.waitFor();
  }

  async send(text: string): Promise<void> {
    await this.input.fill(text);
    await this.input.press('Enter');
  }

  /** The shown message with this id. */
  message(id: string): Locator {
    return this.log.locator(`.msg[data-id="${id}"]`);
  }

  /** Waits for the first bot reply shown after the message `afterId`, and returns its text. */
  async waitForReplyAfter(afterId: string): Promise<string> {
    const reply = this.log.locator(`.msg[data-id="${afterId}"] ~ .msg[data-role="bot"] .bubble`).first();
    await reply.waitFor();
    return (await reply.textContent()) ?? '';
  }

  /** Sends a text, waits for it to be shown, and returns its message id. */
  async sendAndWaitShown(text: string): Promise<string> {
    await this.send(text);
    const shown = this.messages('user').filter({ has: this.page.locator('.bubble', { hasText: text }) }).last();
    await shown.waitFor();
    return (await shown.getAttribute('data-id')) ?? '';
  }

  /** Ids of every message shown, in order. */
  async shownIds(): Promise<string[]> {
    const items = await this.log.locator('.msg').all();
    return Promise.all(items.map(async (item) => (await item.getAttribute('data-id')) ?? ''));
  }

  /** What the user would see as focused: the innermost active element, through the shadow root. */
  focusedPart(): Promise<string | null> {
    return this.page.evaluate(`(() => {
      let active = document.activeElement;
      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
      return active ? active.getAttribute('data-mesa') : null;
    })()`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
