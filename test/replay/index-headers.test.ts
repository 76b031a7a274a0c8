// The -index-headers.html writer against the two real pages in the committed corpus: the human
// header and document list are read back from the page's <PRE> block, and the writer must produce
// the whole page — including the tagged header in the HTML comment — byte for byte.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeIndexHeadersPage } from '../../src/replay/index-headers.ts';
import { parseSubmissionHeader } from '../../src/replay/sgml-header.ts';
import type { SubmissionDocument } from '../../src/replay/submission.ts';
import { FIXTURE_CORPUS } from './helpers.ts';

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function fromPre(page: string): { header: ReturnType<typeof parseSubmissionHeader>; docs: SubmissionDocument[]; date: string } {
  const pre = unescape(page.slice(page.indexOf('<PRE>') + 5, page.indexOf('</PRE>')));
  const header = parseSubmissionHeader(pre);
  const date = /<SEC-DOCUMENT>\S+ : (\d{8})/.exec(pre)?.[1] ?? '';
  const docs = [...pre.matchAll(/<DOCUMENT>\n<TYPE>(.*)\n<SEQUENCE>(.*)\n<FILENAME>(.*)\n(?:<DESCRIPTION>(.*)\n)?<TEXT>/g)].map((m) => ({
    type: m[1] ?? '',
    sequence: m[2] ?? '',
    filename: m[3] ?? '',
    description: m[4],
    textStart: 0,
    textEnd: 0,
    xbrl: false,
  }));
  return { header, docs, date };
}

describe('-index-headers.html writer', () => {
  for (const file of ['index-headers-23andme-0001193125-24-152391.html', 'index-headers-8k-5.07.html']) {
    it(`reproduces the real page ${file}`, () => {
      const page = readFileSync(path.join(FIXTURE_CORPUS, 'raw/formats', file), 'latin1');
      const { header, docs, date } = fromPre(page);
      expect(docs.length).toBeGreaterThan(5);
      expect(writeIndexHeadersPage(header, docs, date)).toBe(page);
    });
  }

  it('writes numeric <ITEMS> codes in the comment where the human header has titles', () => {
    const page = readFileSync(path.join(FIXTURE_CORPUS, 'raw/formats/index-headers-23andme-0001193125-24-152391.html'), 'latin1');
    const { header, docs, date } = fromPre(page);
    const comment = writeIndexHeadersPage(header, docs, date).split('-->')[0] ?? '';
    expect(comment.match(/<ITEMS>.*/g)).toEqual(['<ITEMS>7.01', '<ITEMS>9.01']);
  });
});
