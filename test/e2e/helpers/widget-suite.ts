import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { startServerForBrowser, type MesaServer } from './mesa-server.js';
import { newWidgetContext, type Language } from './widget-page.js';

/** One Mesa and one Chromium for a describe block, and a fresh browser context per test, closed after it. */
export function useWidgetBrowser(): { readonly url: string; newContext(language: Language): Promise<BrowserContext> } {
  let server: MesaServer;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServerForBrowser(), launchChromium()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  return {
    get url() {
      return server.url;
    },
    async newContext(language) {
      context = await newWidgetContext(browser, language);
      return context;
    },
  };
}
