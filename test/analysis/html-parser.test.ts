// The analyzer's HTML tree builder must emit exactly the events of htmlparser2's Parser (whose
// rules it copies, with a stack that stays linear): compared on every HTML document of the
// committed corpus, the shared corpus when present, and markup that exercises each rule.

import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseHtml, type HtmlEvents } from '../../src/analysis/html-parser.ts';
import { parseSubmission } from '../../src/analysis/submission.ts';
import { FIXTURE_CORPUS, SHARED_CORPUS } from './corpus.ts';

function recorder(): { events: string[]; handler: HtmlEvents } {
  const events: string[] = [];
  return {
    events,
    handler: {
      onopentag: (name, attribs, implied) => events.push(`<${name} ${JSON.stringify(attribs)}${implied ? ' implied' : ''}>`),
      ontext: (text) => events.push(text),
      onclosetag: (name, implied) => events.push(`</${name}${implied ? ' implied' : ''}>`),
    },
  };
}

function withHtmlparser2(html: string): string[] {
  const r = recorder();
  const parser = new Parser(r.handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  parser.write(html);
  parser.end();
  return r.events;
}

function withOurs(html: string): string[] {
  const r = recorder();
  parseHtml(html, r.handler);
  return r.events;
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The HTML documents of a corpus: HTML files, and the HTML documents inside complete submissions. */
function htmlDocuments(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const f of files(dir)) {
    const bytes = readFileSync(f);
    const head = bytes.subarray(0, 4000).toString('latin1');
    if (/<SEC-DOCUMENT>|<SEC-HEADER>|<DOCUMENT>/i.test(head)) {
      for (const d of parseSubmission(bytes).documents) {
        if (d.text && /<(?:html|body|p|div|table|font)[\s>]/i.test(d.text.slice(0, 5000))) out.push([`${f} ${d.filename ?? d.type}`, d.text]);
      }
    } else if (/<(?:html|body|p|div|table|font|\?xml)[\s>]/i.test(head)) out.push([f, bytes.toString('utf8')]);
  }
  return out;
}

const RULES = {
  'void elements': '<p>a<br>b<img src=x>c<hr>d<input value=1></p>',
  'elements that close others': '<table><tr><td>a<td>b<tr><th>c<td>d</table><ul><li>a<li>b</ul><dl><dt>x<dd>y</dl><p>a<div>b</div>',
  'stray </p> and </br>': '</p></br><p>a</b></p>',
  'a <form> inside a <form>': '<form><form><input></form></form>',
  'SVG names and integration points': '<svg><clippath><foreignObject><p>x</p></foreignobject></clippath></svg><image src=a>',
  'CDATA in and out of MathML': '<math><mi><b>x</b></mi><![CDATA[z]]></math><![CDATA[q]]>',
  'repeated and upper-case attributes': '<a href=1 HREF=2 Title="&amp;x">t&nbsp;u&#160;v</a>',
  'self-closing tags and unclosed elements': '<div/><span>a<font>b<ix:nonNumeric name="cyd:X"/>c',
  'raw text elements': '<style>p{}</style><script>if (a<b) {}</script><title>T&amp;</title><textarea><p></textarea>',
};

describe('the HTML tree builder', () => {
  for (const [rule, html] of Object.entries(RULES)) {
    it(`emits htmlparser2's events for ${rule}`, () => {
      expect(withOurs(html)).toEqual(withHtmlparser2(html));
    });
  }

  it('emits htmlparser2’s events for every HTML document of the committed corpus', () => {
    const docs = htmlDocuments(FIXTURE_CORPUS);
    expect(docs.length).toBeGreaterThan(20);
    for (const [name, html] of docs) expect(withOurs(html), name).toEqual(withHtmlparser2(html));
  });

  it.skipIf(!existsSync(SHARED_CORPUS))('emits htmlparser2’s events for every HTML document of the shared corpus', () => {
    const docs = htmlDocuments(SHARED_CORPUS);
    for (const [name, html] of docs) expect(withOurs(html), name).toEqual(withHtmlparser2(html));
  });

  it('closes every element still open at the end, innermost first', () => {
    expect(withOurs('<div><p>a<b>b')).toEqual(['<div {}>', '<p {}>', 'a', '<b {}>', 'b', '</b implied>', '</p implied>', '</div implied>']);
  });
});
