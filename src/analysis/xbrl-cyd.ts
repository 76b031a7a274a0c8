// Inline-XBRL facts of the SEC Cybersecurity Disclosure taxonomy (`cyd:`). An Item 1.05 8-K tags
// the nature, scope, timing and impact of the incident as text blocks; a 10-K tags Item 1C. A
// text block may be split across `ix:continuation` elements, and an 8-K reporting several
// incidents separates them by the MaterialCybersecurityIncidentAxis dimension. Any `cyd:` name is
// kept, known or not, so a new taxonomy year loses nothing.

import { normalizeText, readHtml, type HtmlReader } from './html-text.ts';

export interface CydFact {
  /** Local name, e.g. `MaterialCybersecurityIncidentNatureTextBlock`. */
  concept: string;
  contextRef: string | null;
  /** Member of the incident axis, when the fact is dimensioned by incident. */
  incident: string | null;
  text: string;
}

const BLOCK = /^(?:p|div|br|tr|li|h[1-6]|table|ul|ol|section)$/;

interface Capture {
  kind: 'fact' | 'continuation';
  id: string | null;
  concept: string;
  contextRef: string | null;
  continuedAt: string | null;
  /** Its text: the pieces of the reader's one stream from `from` to where it closed. */
  from: number;
  text: string;
  depth: number;
  order: number;
}

/**
 * Facts open at once beyond which a nested one is not captured. Real filings nest two or three
 * (a text block holding a tagged date); each level copies the text inside it once more, so an
 * unbounded depth would make the reading quadratic.
 */
const MAX_OPEN_CAPTURES = 8;

/** Whether an HTML document carries any `cyd:` fact (cheap check before parsing). */
export function hasCydFacts(html: string): boolean {
  return /name\s*=\s*["']cyd:/i.test(html);
}

export function extractCydFacts(html: string): CydFact[] {
  if (!hasCydFacts(html)) return [];
  const reader = cydReader();
  readHtml(html, [reader]);
  return reader.facts();
}

/** A reader that collects the `cyd:` facts of a document; `facts()` once the parse has ended. */
export function cydReader(): HtmlReader & { facts(): CydFact[] } {
  const open: Capture[] = [];
  const done: Capture[] = [];
  // The text of every open capture, once: a capture is the stretch between its open and close.
  const stream: string[] = [];
  const contextMember = new Map<string, string>();
  let contextId: string | null = null;
  let memberDim: string | null = null;
  let memberText = '';
  let depth = 0;
  let order = 0;
  return {
    onopentag(name, a) {
      depth++;
      if (name === 'xbrli:context') contextId = a.id ?? null;
      else if (name === 'xbrldi:explicitmember') {
        memberDim = a.dimension ?? null;
        memberText = '';
      } else if (open.length < MAX_OPEN_CAPTURES && name === 'ix:nonnumeric' && a.name && /^cyd:/i.test(a.name)) {
        open.push({
          kind: 'fact',
          id: a.id ?? null,
          concept: a.name.replace(/^cyd:/i, ''),
          contextRef: a.contextref ?? null,
          continuedAt: a.continuedat ?? null,
          from: stream.length,
          text: '',
          depth,
          order: order++,
        });
      } else if (open.length < MAX_OPEN_CAPTURES && name === 'ix:continuation') {
        open.push({ kind: 'continuation', id: a.id ?? null, concept: '', contextRef: null, continuedAt: a.continuedat ?? null, from: stream.length, text: '', depth, order: order++ });
      }
      if (open.length > 0 && BLOCK.test(name)) stream.push('\n');
    },
    ontext(text) {
      if (memberDim !== null) memberText += text;
      if (open.length === 0) return;
      stream.push(text.replace(/[\r\n]+/g, ' '));
    },
    onclosetag(name) {
      if (open.length > 0 && BLOCK.test(name)) stream.push('\n');
      if (name === 'xbrldi:explicitmember') {
        if (contextId && memberDim && /MaterialCybersecurityIncidentAxis/i.test(memberDim)) contextMember.set(contextId, memberText.trim());
        memberDim = null;
      } else if (name === 'xbrli:context') contextId = null;
      const top = open[open.length - 1];
      if (top && top.depth === depth && (name === 'ix:nonnumeric' || name === 'ix:continuation')) {
        top.text = stream.slice(top.from).join('');
        done.push(open.pop()!);
        // Nothing is open any more: what was read is in the captures' texts.
        if (open.length === 0) stream.length = 0;
      }
      depth--;
    },
    facts: () => joinContinuations(done, contextMember),
  };
}

/** Facts in document order, each with the text of its continuations. */
function joinContinuations(done: Capture[], contextMember: ReadonlyMap<string, string>): CydFact[] {
  const continuations = new Map<string, Capture>();
  for (const c of done) if (c.kind === 'continuation' && c.id) continuations.set(c.id, c);
  const facts: CydFact[] = [];
  // Nested facts close before their parents: restore document order.
  done.sort((x, y) => x.order - y.order);
  // A continuation belongs to one fact: a second fact pointing at it (invalid inline XBRL) does
  // not copy it again, which keeps the texts linear in the document.
  const used = new Set<string>();
  for (const c of done) {
    if (c.kind !== 'fact') continue;
    const parts = [c.text];
    for (let next = c.continuedAt; next && !used.has(next); ) {
      used.add(next);
      const cont = continuations.get(next);
      if (!cont) break;
      parts.push('\n', cont.text);
      next = cont.continuedAt;
    }
    facts.push({
      concept: c.concept,
      contextRef: c.contextRef,
      incident: c.contextRef ? (contextMember.get(c.contextRef) ?? null) : null,
      text: normalizeText(parts.join('')),
    });
  }
  return facts;
}

/** Concepts of an Item 1.05 disclosure, in reading order. */
export const INCIDENT_CONCEPT_ORDER = [
  'MaterialCybersecurityIncidentNatureTextBlock',
  'MaterialCybersecurityIncidentScopeTextBlock',
  'MaterialCybersecurityIncidentTimingTextBlock',
  'MaterialCybersecurityIncidentMaterialImpactOrReasonablyLikelyMaterialImpactTextBlock',
  'MaterialCybersecurityIncidentInformationNotAvailableOrUndeterminedTextBlock',
];

export const isIncidentConcept = (concept: string): boolean => /^MaterialCybersecurityIncident/i.test(concept);
