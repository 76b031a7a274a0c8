// HTML (and inline XBRL) to plain text that keeps the block structure: one line per paragraph,
// heading or table row, so that item headings stay at the start of a line, including headings laid
// out as table cells ("Item 1.05" | "Material Cybersecurity Incidents").

import { parseHtml, type HtmlEvents } from './html-parser.ts';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
  'page', 'title',
]);
const CELL = new Set(['td', 'th']);
// Never shown to a reader: the inline-XBRL header holds hidden facts and contexts.
const HIDDEN = new Set(['head', 'script', 'style', 'ix:header', 'noscript', 'template', 'xml']);
const DISPLAY_NONE = /display\s*:\s*none/i;
// A block element styled inline flows within its line (inline XBRL wraps facts in such divs:
// "$<div style="display:inline">5.22</div> per share" is one line, as a reader sees it).
const DISPLAY_INLINE = /display\s*:\s*inline(?:-block)?\s*(?:;|!|$)/i;

/** Every kind of Unicode space (incl. `&#160;`). */
const SPACES = /[ \t\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * What a reader never sees: soft hyphens ("cyber&shy;security" reads "cybersecurity") and
 * zero-width characters (a word split by U+200B is still one word), and C1 controls, which in a
 * document EDGAR serves as Latin-1 are the Windows-1252 punctuation a browser shows:
 * 0x92 is "’", 0x93/0x94 are quotes, 0x96/0x97 dashes ("Item 1.05 \u0096 Material …").
 */
const INVISIBLE_OR_1252 = /[\u0080-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/g;
const CP1252: Record<string, string> = {
  '\u0080': '€', '\u0082': '‚', '\u0083': 'ƒ', '\u0084': '„', '\u0085': '…', '\u0086': '†', '\u0087': '‡', '\u0088': 'ˆ',
  '\u0089': '‰', '\u008a': 'Š', '\u008b': '‹', '\u008c': 'Œ', '\u008e': 'Ž', '\u0091': '‘', '\u0092': '’', '\u0093': '“',
  '\u0094': '”', '\u0095': '•', '\u0096': '–', '\u0097': '—', '\u0098': '˜', '\u0099': '™', '\u009a': 'š', '\u009b': '›',
  '\u009c': 'œ', '\u009e': 'ž', '\u009f': 'Ÿ',
};

/** What a reader of HTML listens to. Several readers can share one parse of a document. */
export type HtmlReader = HtmlEvents;

/** Parses an HTML document once, handing every tag and text to each reader in turn. */
export function readHtml(html: string, readers: readonly HtmlReader[]): void {
  const handler: HtmlReader =
    readers.length === 1
      ? readers[0]!
      : {
          onopentag(name, attribs, implied) {
            for (const r of readers) r.onopentag(name, attribs, implied);
          },
          ontext(text) {
            for (const r of readers) r.ontext(text);
          },
          onclosetag(name, implied) {
            for (const r of readers) r.onclosetag(name, implied);
          },
        };
  parseHtml(html, handler);
}

/** A reader that collects the text of a document; `text()` once the parse has ended. */
export function textReader(): HtmlReader & { text(): string } {
  const parts: string[] = [];
  let depth = 0;
  let hiddenAt = -1;
  let preDepth = 0;
  // Whether the element open at each depth breaks lines.
  const breaksAt: boolean[] = [];
  return {
    onopentag(name, attribs) {
      depth++;
      if (hiddenAt >= 0) return;
      if (HIDDEN.has(name) || (attribs.style !== undefined && DISPLAY_NONE.test(attribs.style))) {
        hiddenAt = depth;
        return;
      }
      if (name === 'pre') preDepth++;
      breaksAt[depth] = BLOCK.has(name) && !(attribs.style !== undefined && DISPLAY_INLINE.test(attribs.style));
      if (breaksAt[depth]) parts.push('\n');
      else if (CELL.has(name)) parts.push(' ');
    },
    ontext(text) {
      // In HTML a source line break is a space; only block elements break lines (and <pre>).
      if (hiddenAt < 0) parts.push(preDepth > 0 ? text : text.replace(/[\r\n]+/g, ' '));
    },
    onclosetag(name) {
      if (hiddenAt >= 0) {
        if (depth === hiddenAt) hiddenAt = -1;
        depth--;
        return;
      }
      const breaks = breaksAt[depth];
      depth--;
      if (name === 'pre' && preDepth > 0) preDepth--;
      if (breaks) parts.push('\n');
      else if (CELL.has(name)) parts.push(' ');
    },
    text: () => normalizeText(parts.join('')),
  };
}

export function htmlToText(html: string): string {
  const reader = textReader();
  readHtml(html, [reader]);
  return reader.text();
}

/** Collapse runs of spaces within lines, trim every line and drop blank lines. */
export function normalizeText(text: string): string {
  return text
    .replace(INVISIBLE_OR_1252, (c) => CP1252[c] ?? '')
    .replace(SPACES, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .trim();
}
