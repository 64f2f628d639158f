import { type Browser, chromium } from 'playwright-core';
import { afterAll } from 'vitest';

/** Debian's Chromium, with the flags that work on these machines (issue 11). */
export function sharedBrowser(): () => Promise<Browser> {
  let browser: Promise<Browser> | undefined;
  afterAll(async () => {
    if (browser) await (await browser).close();
  });
  return () => {
    browser ??= chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    return browser;
  };
}
