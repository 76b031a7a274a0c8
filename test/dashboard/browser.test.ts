// The dashboard in headless Chromium over the demo's filings (the whole replay corpus plus one
// hostile filing): search and filters swap the list through htmx, an incident page shows its
// filings with the evidence marked, a subscription made in the page gets its test delivered and
// logged, nothing logs a console error (a CSP violation is one), and each page is saved as a
// screenshot under test-output/dashboard/ (desktop and phone) for a person to look at.

import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { generateApiKey } from '../../src/auth/api-keys.ts';
import { createAlertWorker } from '../../src/alerts/worker.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createMonitorMetrics } from '../../src/metrics.ts';
import { browserSuiteName, chromiumPresent, launchChromium, watchProblems } from '../helpers/browser.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { allDemoAccessions, seedDemo } from './demo-data.ts';

const OUTPUT = new URL('../../test-output/dashboard/', import.meta.url);
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// Run in the page (the CSP refuses strings to evaluate); this project compiles without DOM types.
declare const document: { querySelectorAll(s: string): { length: number }; documentElement: { scrollWidth: number; clientWidth: number } };
declare const location: { href: string };
/** How far the page scrolls sideways. */
const sideways = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;
/** The elements that stick out to the right, to say which one in a failure. */
const widest = () =>
  [...(document.querySelectorAll('body *') as unknown as Array<{ tagName: string; className: string; getBoundingClientRect(): { right: number } }>)]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);

describe.skipIf(!chromiumPresent)(browserSuiteName('the dashboard in headless Chromium'), () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let receiver: Receiver;
  let worker: ReturnType<typeof createAlertWorker>;
  let key: string;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    db = await openTestDatabase('pglite');
    const repos = createRepositories(db.database.db);
    await seedDemo(repos, allDemoAccessions());
    const k = generateApiKey();
    await repos.apiKeys.create(k, { name: 'analyst', scope: 'alerts' });
    key = k.key;
    app = await buildApp({ database: db.database, repositories: repos, alerts: { allowPrivateUrls: true }, clock: () => new Date('2026-11-30T12:00:00Z') });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    receiver = await startReceiver();
    worker = createAlertWorker({ repositories: repos, config: { ...loadConfig({}), alertsAllowPrivateUrls: true }, log: createLogger('silent'), metrics: createMonitorMetrics(), idleMs: 100 });
    worker.start();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await receiver?.close();
    await app?.close();
    await db?.close();
  });

  async function open(path: string, viewport = DESKTOP): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport });
    const problems = watchProblems(page);
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    return { page, problems };
  }
  /** What /v1/incidents returns for the same filters, a page of the dashboard's size. */
  const apiIds = async (query: string, limit = 25) => ((await (await fetch(`${base}/v1/incidents?${query}&limit=${limit}`)).json()) as { data: Array<{ id: number }> }).data.map((i) => i.id);
  const rows = (page: Page) => page.$$eval('tr[data-incident]', (trs) => trs.map((tr) => Number(tr.getAttribute('data-incident'))));
  const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`${name}.png`, OUTPUT).pathname, fullPage: true });

  it('search "ransomware" narrows the list as it is typed, and the address bar follows', async () => {
    const { page, problems } = await open('/');
    const all = await rows(page);
    expect(all.length).toBeGreaterThan(10);
    await shot(page, 'list');
    await page.fill('input[name=q]', 'ransomware');
    await page.waitForFunction((n) => document.querySelectorAll('tr[data-incident]').length < n, all.length);
    const found = await rows(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(await apiIds('q=ransomware'));
    expect(await page.locator('.snippet mark').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('ransomware');
    await shot(page, 'list-search-ransomware');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters combine: an item, then a flag, each narrows what is shown', async () => {
    const { page, problems } = await open('/');
    const all = await rows(page);
    await page.selectOption('select[name=item]', '1.05');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('item') === '1.05');
    await page.waitForLoadState('networkidle');
    const item105 = await rows(page);
    expect(item105).toEqual(await apiIds('item=1.05'));
    expect(item105).not.toEqual(all);
    await page.check('input[name=flag][value=dataAccessed]');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('flag').includes('dataAccessed'));
    await page.waitForLoadState('networkidle');
    const both = await rows(page);
    expect(both.length).toBeGreaterThan(0);
    expect(both).toEqual(await apiIds('item=1.05&flag=dataAccessed'));
    const everyItem105 = await apiIds('item=1.05', 100);
    expect(both.every((id) => everyItem105.includes(id))).toBe(true);
    expect(both.length).toBeLessThan(everyItem105.length);
    for (const cell of await page.$$eval('tr[data-incident] td[data-label=Items]', (tds) => tds.map((td) => td.textContent ?? ''))) expect(cell).toContain('1.05');
    await shot(page, 'list-filters');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an incident page shows its filings and highlights the evidence sentence in the filing text', async () => {
    const { page, problems } = await open('/?q=Prudential');
    await page.click('tr[data-incident] td[data-label=Incident] a');
    await page.waitForSelector('ol.timeline');
    expect(await page.locator('ol.timeline > li').count()).toBeGreaterThanOrEqual(2);
    const mark = page.locator('.filing-text mark').first();
    await expect.poll(() => mark.isVisible()).toBe(true);
    const box = await mark.boundingBox();
    expect(box!.width).toBeGreaterThan(20);
    const background = await mark.evaluate((m) => (m.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(m).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await shot(page, 'incident');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'incident-dark');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a subscription made in the page gets its test delivered, and the log shows it', async () => {
    const { page, problems } = await open('/subscriptions');
    await page.fill('#key-form input[name=key]', key);
    await page.click('#key-form button[type=submit]');
    await page.waitForSelector('#create-form', { state: 'visible' });
    await page.waitForSelector('#subscriptions >> text=No subscription yet.');
    await page.fill('#create-form input[name=name]', 'SOC webhook');
    await page.fill('#create-form input[name=url]', receiver.url);
    await page.selectOption('#create-form select[name=items]', '1.05');
    await page.click('#create-form button[type=submit]');
    await page.waitForSelector('#subscriptions .secret');
    await page.click('tr[data-subscription] >> text=Send test');
    await page.waitForSelector('tr[data-delivery][data-state=delivered]', { timeout: 30_000 });
    expect(receiver.received.length).toBe(1);
    expect(await page.textContent('tr[data-delivery]')).toContain('test message');
    // The key stays in this tab's session only: not in the page, not in the address.
    expect(await page.content()).not.toContain(key);
    expect(page.url()).not.toContain(key);
    await shot(page, 'subscriptions');
    // Pause, then delete after the confirmation the page asks for.
    await page.click('tr[data-subscription] >> text=Pause');
    await page.waitForSelector('tr[data-subscription] >> text=Resume');
    expect(await page.textContent('#subscriptions .notice')).toContain('paused');
    page.once('dialog', (d) => void d.accept());
    await page.click('tr[data-subscription] >> text=Delete');
    await page.waitForSelector('#subscriptions >> text=No subscription yet.');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('a wrong key is said in words on the subscriptions page, and the key can be forgotten', async () => {
    const { page, problems } = await open('/subscriptions');
    // Well-formed, but never stored (or revoked).
    await page.fill('#key-form input[name=key]', generateApiKey().key);
    await page.click('#key-form button[type=submit]');
    await page.waitForSelector('#flash:not(:empty)');
    expect(await page.textContent('#flash')).toContain('the API key is not valid, or it was revoked');
    // The browser and htmx log the 401 themselves; nothing else may go wrong.
    expect(problems.filter((p) => !/status of 401|Error Code 401/.test(p))).toEqual([]);
    await page.click('#key-forget');
    expect(await page.textContent('#key-state')).toContain('No key set');
    expect(await page.locator('#create-form').isVisible()).toBe(false);
    await page.close();
  });

  it('the company, sector, reports and health pages load without a console error', async () => {
    for (const [path, name] of [['/companies/UNFI', 'company'], ['/sectors', 'sectors'], ['/sectors/wholesale', 'sector'], ['/reports', 'reports'], ['/status', 'health']] as const) {
      const { page, problems } = await open(path);
      expect(await page.locator('h1').count(), path).toBe(1);
      await shot(page, name);
      expect(problems, path).toEqual([]);
      await page.close();
    }
  });

  it('the API docs and a weekly report render under their content security policies without a violation', async () => {
    const docs = await open('/docs');
    await docs.page.waitForSelector('.opblock', { timeout: 30_000 });
    expect(await docs.page.locator('.opblock').count()).toBeGreaterThan(20);
    await shot(docs.page, 'api-docs');
    expect(docs.problems).toEqual([]);
    await docs.page.close();
    const report = await open('/v1/reports/weekly/2024-W08.html');
    expect(await report.page.locator('h1').count()).toBe(1);
    expect(await report.page.locator('svg').count()).toBeGreaterThan(0);
    expect(report.problems).toEqual([]);
    await report.page.close();
  });

  it('is usable on a phone: no sideways scrolling, rows as cards', async () => {
    for (const [path, name] of [['/', 'phone-list'], ['/?q=ransomware', 'phone-search'], ['/subscriptions', 'phone-subscriptions']] as const) {
      const { page, problems } = await open(path, PHONE);
      await shot(page, name);
      const overflow = await page.evaluate(sideways);
      expect(overflow, `${path}: wider than the screen: ${(await page.evaluate(widest)).join(', ')}`).toBeLessThanOrEqual(0);
      expect(problems, path).toEqual([]);
      await page.close();
    }
    const { page } = await open('/?q=Prudential', PHONE);
    await page.click('tr[data-incident] td[data-label=Incident] a');
    await page.waitForSelector('ol.timeline');
    expect(await page.evaluate(sideways)).toBeLessThanOrEqual(0);
    await shot(page, 'phone-incident');
    await page.close();
  });
});
