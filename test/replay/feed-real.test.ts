// The feed writer against real getcurrent pages saved from sec.gov. Those pages may not be
// committed, so they are read from the shared corpus at run time; without it the suite is skipped
// with a warning naming the missing path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedSize, writeFeedEntry, writeFeedHeader, type FeedEntryData } from '../../src/replay/feed.ts';
import { itemTitle } from '../../src/replay/items.ts';
import { sharedFile } from './helpers.ts';

const PAGES = ['raw/formats/getcurrent-all-start600.atom.xml', 'raw/formats/getcurrent-type4-start0.atom.xml'];

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Reads the data of one real entry independently of the writer, from its title, summary and updated. */
function entryData(entry: string): FeedEntryData {
  // The form comes from the category term: names may contain " - " too ("D - AVSF - PolyAI 2025, LLC").
  const form = /term="([^"]*)"/.exec(entry)?.[1] ?? '';
  const title = /<title>(.*) \((\d{10})\) \((Filer|Subject|Filed by|Reporting|Issuer)\)<\/title>/.exec(entry);
  const summary = /<summary type="html">\n([\s\S]*?)<\/summary>/.exec(entry);
  const updated = /<updated>(.*)<\/updated>/.exec(entry);
  if (!title || !summary || !updated || !title[1]?.startsWith(`${form} - `)) throw new Error(`unexpected entry shape:\n${entry}`);
  const html = unescapeXml(summary[1] ?? '');
  const head = /<b>Filed:<\/b> (\d{4}-\d{2}-\d{2}) <b>AccNo:<\/b> ([\d-]+) <b>Size:<\/b> (\d+ [KM]B)/.exec(html);
  if (!head) throw new Error(`unexpected summary:\n${html}`);
  const items = [...html.matchAll(/<br>Item ([^:]+): (.*)/g)].map((m) => ({ code: m[1] ?? '', title: m[2] ?? '' }));
  return {
    form: unescapeXml(form),
    name: unescapeXml((title[1] ?? '').slice(form.length + 3)),
    cik: title[2] ?? '',
    role: title[3] ?? '',
    filedDate: head[1] ?? '',
    accession: head[2] ?? '',
    sizeBytes: parseFeedSize(head[3] ?? ''),
    items,
    acceptedAt: Date.parse(updated[1] ?? ''),
  };
}

for (const page of PAGES) {
  const file = sharedFile(page);
  describe.skipIf(!file)(`feed writer reproduces the real page ${page}`, () => {
    const text = file ? readFileSync(file, 'latin1') : '';
    const entries = [...text.matchAll(/<entry>\n[\s\S]*?\n<\/entry>/g)].map((m) => m[0]);

    it('the page has entries to compare', () => {
      expect(entries.length).toBeGreaterThan(50);
    });

    it('writes every entry exactly as EDGAR did', () => {
      for (const entry of entries) expect(writeFeedEntry(entryData(entry))).toBe(entry);
    });

    it('writes the feed header exactly as EDGAR did', () => {
      const header = text.slice(0, text.indexOf('\n<entry>'));
      const updated = /<updated>(.*)<\/updated>/.exec(header)?.[1] ?? '';
      expect(writeFeedHeader(Date.parse(updated))).toBe(header);
    });

    it('knows the exact title EDGAR prints for every 8-K item on the page', () => {
      const eightK = entries.filter((e) => /term="8-K(\/A)?"/.test(e)).flatMap((e) => entryData(e).items);
      for (const item of eightK) expect(itemTitle(item.code), `Item ${item.code}`).toBe(item.title);
    });
  });
}
