// Atom 1.0 (RFC 4287) written by hand: a few elements, all text escaped. Titles and summaries are
// `type="text"`, so a reader shows a company's "<script>" as those characters, never as markup.

export interface AtomLink {
  href: string;
  rel: 'self' | 'alternate' | 'related';
  type?: string;
  title?: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  published?: Date;
  links: AtomLink[];
  summary: string;
  categories: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: Date;
  links: AtomLink[];
  author: string;
  generator: { name: string; version: string };
  entries: AtomEntry[];
}

// Characters XML 1.0 cannot carry at all (not even escaped): C0 controls other than TAB/LF/CR,
// lone surrogates, U+FFFE/U+FFFF. Filing text has been seen with form feeds and NULs.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML character data or an attribute value (double-quoted). */
export function xmlEscape(value: string): string {
  return value
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function link(l: AtomLink): string {
  return `<link rel="${l.rel}" href="${xmlEscape(l.href)}"${l.type ? ` type="${xmlEscape(l.type)}"` : ''}${l.title ? ` title="${xmlEscape(l.title)}"` : ''}/>`;
}

export function renderAtom(feed: AtomFeed): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${xmlEscape(feed.id)}</id>`,
    `<title type="text">${xmlEscape(feed.title)}</title>`,
    ...(feed.subtitle ? [`<subtitle type="text">${xmlEscape(feed.subtitle)}</subtitle>`] : []),
    `<updated>${iso(feed.updated)}</updated>`,
    ...feed.links.map(link),
    `<author><name>${xmlEscape(feed.author)}</name></author>`,
    `<generator version="${xmlEscape(feed.generator.version)}">${xmlEscape(feed.generator.name)}</generator>`,
  ];
  for (const e of feed.entries) {
    out.push(
      '<entry>',
      `<id>${xmlEscape(e.id)}</id>`,
      `<title type="text">${xmlEscape(e.title)}</title>`,
      `<updated>${iso(e.updated)}</updated>`,
      ...(e.published ? [`<published>${iso(e.published)}</published>`] : []),
      ...e.links.map(link),
      ...e.categories.map((term) => `<category term="${xmlEscape(term)}"/>`),
      `<summary type="text">${xmlEscape(e.summary)}</summary>`,
      '</entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
