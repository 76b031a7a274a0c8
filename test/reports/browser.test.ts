// The HTML report opened in a real browser (headless Chromium through playwright-core, Debian's
// /usr/bin/chromium): it loads without a console error, every chart has a size, and a screenshot
// is kept under test-output/reports/ for a person to look at. Skipped, by name, where the browser
// is not installed (`apt-get install -y chromium`; .ci/run installs it).

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/reports/model.ts';
import { renderReport } from '../../src/reports/render/index.ts';
import { FIXTURE_ANALYZER, FIXTURE_WEEK, fixtureWeekData } from './fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = new URL('../../test-output/reports/', import.meta.url);
const present = existsSync(CHROMIUM);

describe.skipIf(!present)(`the HTML report in headless Chromium${present ? '' : ` (skipped: ${CHROMIUM} is not installed)`}`, () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`renders without console errors, every chart with a size, and writes a ${scheme} screenshot`, async () => {
      const { chromium } = await import('playwright-core');
      mkdirSync(OUTPUT, { recursive: true });
      const html = renderReport(buildReportModel(fixtureWeekData(), FIXTURE_WEEK, FIXTURE_ANALYZER), 'html', { baseUrl: 'https://cyber8k.example.com' });
      const file = new URL(`weekly-${FIXTURE_WEEK}.html`, OUTPUT);
      writeFileSync(file, html);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: scheme });
        const problems: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
        page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
        await page.goto(file.href, { waitUntil: 'load' });
        const boxes = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => ({ id: s.id, ...s.getBoundingClientRect().toJSON() as { width: number; height: number } })));
        expect(boxes.map((b) => b.id)).toEqual(['chart-items', 'chart-impacts', 'chart-trend-items', 'chart-trend-share']);
        for (const b of boxes) {
          expect(b.width, b.id).toBeGreaterThan(50);
          expect(b.height, b.id).toBeGreaterThan(50);
        }
        // Bars are drawn: the tallest column of the trend chart has a height.
        const bars = await page.$$eval('#chart-trend-items rect[class^="s"]', (rects) => rects.map((r) => r.getBoundingClientRect().height));
        expect(Math.max(...bars)).toBeGreaterThan(10);
        const shot = new URL(`weekly-${FIXTURE_WEEK}-${scheme}.png`, OUTPUT);
        await page.screenshot({ path: shot.pathname, fullPage: true });
        expect(existsSync(shot)).toBe(true);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 60_000);
  }
});
