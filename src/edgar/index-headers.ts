// `<accession>-index-headers.html`: a 2-6 KB page that carries the filing's SGML header (with
// numeric `<ITEMS>` codes) in an HTML comment and the list of its documents in a <PRE> block. It is
// the cheapest way to learn what a filing holds before fetching any document.

export interface IndexedDocument {
  type: string;
  sequence: number | null;
  filename: string;
  description: string | null;
}

export interface IndexHeaders {
  /** `<SEC-HEADER>…</SEC-HEADER>` as tagged SGML. */
  header: string;
  documents: IndexedDocument[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeHtml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_, e: string) =>
    e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : (ENTITIES[e] ?? _),
  );
}

export function parseIndexHeaders(html: string): IndexHeaders | null {
  const header = /<SEC-HEADER>[\s\S]*?<\/SEC-HEADER>/.exec(html)?.[0];
  if (!header) return null;
  const pre = unescapeHtml(/<PRE>([\s\S]*?)<\/PRE>/i.exec(html)?.[1] ?? '');
  const documents: IndexedDocument[] = [];
  for (const block of pre.split('<DOCUMENT>').slice(1)) {
    const field = (tag: string) => new RegExp(`^<${tag}>(.*)$`, 'm').exec(block)?.[1]?.trim() ?? null;
    const filename = field('FILENAME');
    const type = field('TYPE');
    if (!filename || !type) continue;
    const sequence = Number.parseInt(field('SEQUENCE') ?? '', 10);
    documents.push({ type, filename, sequence: Number.isNaN(sequence) ? null : sequence, description: field('DESCRIPTION') });
  }
  return { header, documents };
}
