import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/reports/model.ts';
import { csvCell } from '../../src/reports/render/csv.ts';
import { REPORT_FORMATS, renderReport } from '../../src/reports/render/index.ts';
import { FIXTURE_ANALYZER, FIXTURE_WEEK, fixtureWeekData } from './fixture.ts';

// Regenerate after an intended change with `npm run test:golden` (UPDATE_GOLDEN=1), then review the diff.
const GOLDEN = new URL('../fixtures/reports/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const OPTIONS = { baseUrl: 'https://cyber8k.example.com' };

const model = () => buildReportModel(fixtureWeekData(), FIXTURE_WEEK, FIXTURE_ANALYZER);

describe('report renderers', () => {
  for (const format of REPORT_FORMATS) {
    it(`renders ${format} byte for byte as its golden file`, () => {
      const out = renderReport(model(), format, OPTIONS);
      const file = new URL(`weekly-${FIXTURE_WEEK}.${format}`, GOLDEN);
      if (UPDATE) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, out);
      }
      expect(Buffer.from(out).equals(readFileSync(file)), `${format} differs from ${file.pathname}; run npm run test:golden if the change is intended`).toBe(true);
    });

    it(`renders ${format} the same from a stored (JSON round-tripped) model`, () => {
      const stored = JSON.parse(JSON.stringify(model()));
      expect(renderReport(stored, format, OPTIONS)).toBe(renderReport(model(), format, OPTIONS));
    });
  }

  it('escapes spreadsheet formulas and quotes CSV cells that need it', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
    const csv = renderReport(model(), 'csv');
    expect(csv.startsWith('\uFEFFrecord,week,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")`);
    expect(csv).toContain("'@SUM In January 2024");
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines.filter((l) => l.startsWith('filing,'))).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith('incident,'))).toHaveLength(4);
  });

  it('writes a self-contained HTML page: no script, no external resource, a title and description in every chart', () => {
    const html = renderReport(model(), 'html', OPTIONS);
    expect(html).not.toMatch(/<script|<link |src="http|@import|url\(/i);
    const charts = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(charts.length).toBe(4);
    for (const svg of charts) {
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/<title id="[^"]+-title">[^<]+<\/title><desc id="[^"]+-desc">[^<]+<\/desc>/);
    }
    expect(html.match(/<details class="chart-data">/g)).toHaveLength(4);
    expect(html).toContain('prefers-color-scheme:dark');
    expect(html).toContain('@media print');
    // Text from filings is escaped, never markup.
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;)');
    expect(html).toContain('href="https://cyber8k.example.com/v1/incidents/11"');
  });

  it('shows UnitedHealth’s Item 1.05 incident with its evidence in Markdown', () => {
    const md = renderReport(model(), 'md');
    expect(md).toContain('### New: UNITEDHEALTH GROUP INC (UNH)');
    expect(md).toContain('> On February 21, 2024, UnitedHealth Group Incorporated');
    expect(md).toContain('[Incident 11 in cyber8k](/v1/incidents/11)');
  });
});
