// Headless Chromium for the browser tests: Debian's /usr/bin/chromium through playwright-core (it
// downloads no browser), launched as the weekly report's browser test does; suites skip by name
// where it is absent (`apt-get install -y chromium`; .ci/run installs it).

import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);

/** `name`, or `name (skipped: …)` where the browser is not installed, for describe.skipIf. */
export function browserSuiteName(name: string): string {
  return `${name}${chromiumPresent ? '' : ` (skipped: ${CHROMIUM} is not installed)`}`;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  // Root needs --no-sandbox.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
}

/** Console errors and warnings (CSP violations among them), page errors and failed requests, as they happen. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return problems;
}
