// The getcurrent feed as the monitor sees it: paging, type prefix, roles, order and the timeline.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReplayServer } from '../../src/replay/index.ts';
import { feedAccessions, feedPath, REPLAY_CORPUS, startReplay, type Started } from './helpers.ts';

const UNH = '0000731766-24-000045';
const COSTCO = '0000909832-25-000105';
const AT_START = ['0001045810-26-000024', '0000943374-24-000509'];
const timeline = JSON.parse(readFileSync(path.join(REPLAY_CORPUS, 'timeline.json'), 'utf8')) as { entries: { accession: string; at: number }[] };

let started: Started | undefined;
afterEach(async () => {
  await started?.server.close();
  started = undefined;
});

async function feed(s: Started, params: Record<string, string | number> = {}): Promise<string> {
  const res = await s.get(feedPath(params));
  expect(res.status).toBe(200);
  return res.body.toString('latin1');
}

describe('getcurrent feed', () => {
  it('answers as EDGAR: Atom content type, ISO-8859-1 declaration, Eastern time with offset in title and updated', async () => {
    started = await startReplay();
    const res = await started.get(feedPath());
    expect(res.headers['content-type']).toBe('application/atom+xml');
    expect(res.headers['cache-control']).toBe('no-cache');
    const xml = res.body.toString('latin1');
    expect(xml.startsWith('<?xml version="1.0" encoding="ISO-8859-1" ?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n')).toBe(true);
    // The clock says 2026-03-09T15:00:00Z: daylight saving time began on 8 March 2026.
    expect(xml).toContain('<title>Latest Filings - Mon, 09 Mar 2026 11:00:00 EDT</title>');
    expect(xml).toContain('<updated>2026-03-09T11:00:00-04:00</updated>');
    expect(xml.endsWith('</feed>\n')).toBe(true);
  });

  it('shows only the filings the timeline releases at start, and nothing else is reachable yet', async () => {
    started = await startReplay();
    expect(new Set(feedAccessions(await feed(started)))).toEqual(new Set(AT_START));
  });

  it('releases UnitedHealth and a non-cyber 8-K within the first 20 seconds, the rest within minutes', () => {
    const at = new Map(timeline.entries.map((e) => [e.accession, e.at]));
    expect(at.get(UNH)).toBeLessThanOrEqual(20);
    expect(at.get(COSTCO)).toBeLessThanOrEqual(20);
    const last = Math.max(...timeline.entries.map((e) => e.at));
    expect(last).toBeGreaterThan(60);
    expect(last).toBeLessThan(600);
  });

  it('adds a filing to the top of the feed when the clock reaches its release time', async () => {
    started = await startReplay();
    const at = timeline.entries.find((e) => e.accession === UNH)?.at ?? NaN;
    started.clock.advance(at * 1000 - 1);
    expect(feedAccessions(await feed(started))).not.toContain(UNH);
    started.clock.advance(1);
    expect(feedAccessions(await feed(started))[0]).toBe(UNH);
    expect(started.server.isReleased(UNH)).toBe(true);
  });

  it('plays the timeline faster with speed', async () => {
    started = await startReplay({ speed: 5 });
    const at = timeline.entries.find((e) => e.accession === UNH)?.at ?? NaN;
    started.clock.advance((at * 1000) / 5);
    expect(feedAccessions(await feed(started))).toContain(UNH);
  });

  it('release() and releaseAll() make filings public at once', async () => {
    started = await startReplay();
    started.server.release(COSTCO);
    expect(feedAccessions(await feed(started))[0]).toBe(COSTCO);
    started.server.releaseAll();
    expect(feedAccessions(await feed(started))).toHaveLength(started.server.filings.length);
    expect(() => started?.server.release('0000000000-00-000000')).toThrow(/not in the replay corpus/);
  });

  it('lists entries newest first: latest release on top, then by acceptance time', async () => {
    started = await startReplay();
    started.server.releaseAll();
    const xml = await feed(started);
    // Everything not public at start was released by releaseAll at the same instant, after the two
    // start filings: that group comes first, each group ordered by acceptance time, newest first.
    const ids = feedAccessions(xml);
    expect(new Set(ids.slice(-2))).toEqual(new Set(AT_START));
    const updated = [...xml.matchAll(/<entry>[\s\S]*?<updated>(.*)<\/updated>/g)].map((m) => Date.parse(m[1] ?? ''));
    const group = updated.slice(0, -2);
    expect(group).toEqual([...group].sort((a, b) => b - a));
  });

  it('pages with count and start, snapping count to the values EDGAR accepts', async () => {
    started = await startReplay();
    started.server.releaseAll();
    const twenty = feedAccessions(await feed(started, { count: 20 }));
    const first = feedAccessions(await feed(started, { count: 10, start: 0 }));
    const second = feedAccessions(await feed(started, { count: 10, start: 10 }));
    expect(twenty).toHaveLength(20);
    expect([...first, ...second]).toEqual(twenty);
    expect(feedAccessions(await feed(started, { count: 15 }))).toHaveLength(10);
    expect(feedAccessions(await feed(started, { count: 500 }))).toHaveLength(started.server.filings.length); // 35 ≤ 100
  });

  it('answers a page past the data with an empty feed, and start beyond 5000 with 503 File Unavailable', async () => {
    started = await startReplay();
    started.server.releaseAll();
    const empty = await feed(started, { start: 4000 });
    expect(feedAccessions(empty)).toEqual([]);
    expect(empty).toContain('<title>Latest Filings - ');
    const res = await started.get(feedPath({ start: 5100 }));
    expect(res.status).toBe(503);
    expect(res.body.toString()).toContain('<title>SEC.gov | File Unavailable</title>');
  });

  it('matches type as a prefix of the form: 8-K includes 8-K/A, 8-K/A only amendments, 6 the 6-K', async () => {
    started = await startReplay();
    started.server.releaseAll();
    const forms = (xml: string): string[] => [...xml.matchAll(/term="([^"]*)"/g)].map((m) => m[1] ?? '');
    const eightK = forms(await feed(started, { type: '8-K' }));
    expect(eightK).toContain('8-K');
    expect(eightK).toContain('8-K/A');
    expect(eightK).not.toContain('6-K');
    expect(new Set(forms(await feed(started, { type: '8-K/A' })))).toEqual(new Set(['8-K/A']));
    expect(forms(await feed(started, { type: '6' }))).toEqual(['6-K']);
  });

  it('writes the UnitedHealth entry with its role, CIK, Item 1.05 line, size and Eastern acceptance time', async () => {
    started = await startReplay();
    started.server.release(UNH);
    const xml = await feed(started, { type: '8-K' });
    const entry = /<entry>\n<title>8-K - UNITEDHEALTH[\s\S]*?<\/entry>/.exec(xml)?.[0] ?? '';
    expect(entry).toContain('<title>8-K - UNITEDHEALTH GROUP INC (0000731766) (Filer)</title>');
    expect(entry).toContain(`href="${started.base}/Archives/edgar/data/731766/000073176624000045/${UNH}-index.htm"`);
    expect(entry).toContain('&lt;br&gt;Item 1.05: Material Cybersecurity Incidents\n');
    // 182,532 bytes is 178.25 KB.
    expect(entry).toContain('&lt;b&gt;Size:&lt;/b&gt; 178 KB\n');
    expect(entry).toContain('<updated>2024-02-22T16:08:47-05:00</updated>');
    expect(entry).toContain('<category scheme="https://www.sec.gov/" label="form type" term="8-K"/>');
  });
});

describe('filer roles', () => {
  it('writes one entry per party of a multi-party filing, each linking under its own CIK', async () => {
    // A small synthetic submission with SUBJECT COMPANY and FILED BY blocks (the corpus has no
    // multi-party 8-K); the header layout copies the real ones.
    const dir = mkdtempSync(path.join(tmpdir(), 'replay-roles-'));
    writeFileSync(path.join(dir, 'merger.txt'), [
      '<SEC-DOCUMENT>0001140361-26-000908.txt : 20260112',
      '<SEC-HEADER>0001140361-26-000908.hdr.sgml : 20260112',
      '<ACCEPTANCE-DATETIME>20260112082429',
      'ACCESSION NUMBER:\t\t0001140361-26-000908',
      'CONFORMED SUBMISSION TYPE:\t425',
      'PUBLIC DOCUMENT COUNT:\t\t1',
      'FILED AS OF DATE:\t\t20260112',
      '',
      'SUBJECT COMPANY:\t',
      '',
      '\tCOMPANY DATA:\t',
      '\t\tCOMPANY CONFORMED NAME:\t\t\tTarget & Co',
      '\t\tCENTRAL INDEX KEY:\t\t\t0001743907',
      '',
      'FILED BY:\t',
      '',
      '\tCOMPANY DATA:\t',
      '\t\tCOMPANY CONFORMED NAME:\t\t\tAllegiant Travel CO',
      '\t\tCENTRAL INDEX KEY:\t\t\t0001362468',
      '</SEC-HEADER>',
      '<DOCUMENT>',
      '<TYPE>425',
      '<SEQUENCE>1',
      '<FILENAME>doc.htm',
      '<TEXT>',
      '<html><body>merger communication</body></html>',
      '</TEXT>',
      '</DOCUMENT>',
      '</SEC-DOCUMENT>',
      '',
    ].join('\n'));
    const server = await createReplayServer({ corpusDir: dir, requireUserAgent: false });
    const base = await server.listen();
    try {
      const res = await fetch(`${base}${feedPath()}`);
      const xml = Buffer.from(await res.arrayBuffer()).toString('latin1');
      const titles = [...xml.matchAll(/<title>(425 - .*)<\/title>/g)].map((m) => m[1]);
      expect(titles).toEqual(['425 - Target &amp; Co (0001743907) (Subject)', '425 - Allegiant Travel CO (0001362468) (Filed by)']);
      expect(feedAccessions(xml)).toEqual(['0001140361-26-000908', '0001140361-26-000908']);
      expect(xml).toContain('/Archives/edgar/data/1743907/000114036126000908/0001140361-26-000908-index.htm');
      expect(xml).toContain('/Archives/edgar/data/1362468/000114036126000908/0001140361-26-000908-index.htm');
      for (const cik of ['1743907', '1362468']) {
        expect((await fetch(`${base}/Archives/edgar/data/${cik}/000114036126000908/doc.htm`)).status).toBe(200);
      }
      expect((await fetch(`${base}/Archives/edgar/data/731766/000114036126000908/doc.htm`)).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});
