import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless. The machine has no network beyond localhost: without the
 * background-networking flags Chromium floods the log with refused connections to Google services.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
