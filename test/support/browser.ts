import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Debian's Chromium, headless, with the flags this closed-network machine needs (Playwright gives it a fresh profile). */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return { browser, close: () => browser.close() };
}

/**
 * A browser context with axe-core loaded into every page (as an init script, which the page's
 * Content-Security-Policy does not govern) and a record of CSP violations and page errors.
 */
export async function newCitizenContext(browser: Browser): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ locale: 'vi-VN' });
  await context.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
  const problems: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  context.on('weberror', (error) => problems.push(String(error.error())));
  return { context, problems };
}

/** Runs axe on the page, shadow roots included, and fails listing every violation. */
export async function expectNoAxeViolations(page: Page, step: string): Promise<void> {
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  assert.deepEqual(violations, [], `axe found problems at step "${step}"`);
}

/**
 * Reads the newest one-time code sent to a phone from the development SMS outbox page, the way a
 * developer does: by opening the page and reading its table.
 */
export async function readCodeFromOutboxPage(context: BrowserContext, outboxUrl: string, nationalPhone: string, notThis?: string): Promise<string> {
  const page = await context.newPage();
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.goto(outboxUrl);
      const rows = await page.getByRole('row').allInnerTexts();
      const digits = nationalPhone.slice(1);
      for (const row of rows) {
        if (!row.replace(/\s/g, '').includes(digits)) continue;
        const code = /\b(\d{6})\b/.exec(row.replace(/\+?84\d{9}|0\d{9}/g, ''))?.[1];
        if (code && code !== notThis) return code;
        break;
      }
      await page.waitForTimeout(250);
    }
    throw new Error(`No code for ${nationalPhone} in the outbox`);
  } finally {
    await page.close();
  }
}
