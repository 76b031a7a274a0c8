// Inputs shaped to find super-linear work in the analyzer: each generator repeats one unit until
// the text reaches the size asked for. Shared by `npm run bench:complexity` and the complexity
// test, so both measure the same shapes.

import { uuencode } from '../src/analysis/uudecode.ts';

export interface Shape {
  name: string;
  /** What the shape stresses, for the printed table. */
  stresses: string;
  make(bytes: number): Buffer;
}

/** `head`, then `unit(i)` for i = 0, 1, … until `bytes` is reached, then `tail`. */
function repeat(bytes: number, unit: (i: number) => string, head = '', tail = ''): string {
  const parts: string[] = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

const ITEMS = [
  ['1.01', 'Entry into a Material Definitive Agreement'],
  ['1.05', 'Material Cybersecurity Incidents'],
  ['2.02', 'Results of Operations and Financial Condition'],
  ['5.02', 'Departure of Directors or Certain Officers'],
  ['7.01', 'Regulation FD Disclosure'],
  ['8.01', 'Other Events'],
  ['9.01', 'Financial Statements and Exhibits'],
] as const;

const HTML_HEAD = '<html><body>';
const HTML_TAIL = '</body></html>';
const INCIDENT =
  'On March 1, 2025, the Company detected unauthorized access to its systems by a threat actor, who exfiltrated certain data and encrypted some servers. ';

const SGML_HEADER = (form: string) =>
  `<SEC-DOCUMENT>0000000000-25-000001.txt : 20250303\n<SEC-HEADER>0000000000-25-000001.hdr.sgml : 20250303\nACCESSION NUMBER:\t\t0000000000-25-000001\nCONFORMED SUBMISSION TYPE:\t${form}\nPUBLIC DOCUMENT COUNT:\t\t2\nITEM INFORMATION:\t\tMaterial Cybersecurity Incidents\nFILED AS OF DATE:\t\t20250303\n\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE CORP\n\t\tCENTRAL INDEX KEY:\t\t\t0000000000\n</SEC-HEADER>\n`;

/** A pseudo-random but reproducible byte stream (xorshift), for uuencoded payloads. */
function pseudoRandomBytes(n: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export const SHAPES: readonly Shape[] = [
  {
    name: 'item-headings',
    stresses: 'sectioning: a heading every line, every item repeated (TOC check)',
    make: (n) => Buffer.from(repeat(n, (i) => { const [num, title] = ITEMS[i % ITEMS.length]!; return `Item ${num} ${title}\nThe Company signed it.\n`; })),
  },
  {
    name: 'item-headings-html',
    stresses: 'sectioning of HTML: headings in table cells and paragraphs',
    make: (n) =>
      Buffer.from(repeat(n, (i) => { const [num, title] = ITEMS[i % ITEMS.length]!; return `<table><tr><td>Item ${num}</td><td>${title}</td></tr></table><p>${i % 2 ? INCIDENT : 'The Company signed it.'}</p>`; }, HTML_HEAD, HTML_TAIL)),
  },
  {
    name: 'combined-headings',
    stresses: 'one heading naming the same items over and over ("Items 1.01, 1.01, …")',
    make: (n) => Buffer.from(repeat(n, () => ', 1.01 and 8.01', 'Items 1.05', '\nThe Company detected unauthorized access.\n')),
  },
  {
    name: 'long-line',
    stresses: 'one line, no sentence end: headings, sentences and regexes over a single huge string',
    make: (n) => Buffer.from(repeat(n, (i) => (i % 50 === 0 ? 'cyber incident on March 1, 2025 ' : 'the company and its systems '), 'Item 1.05 Material Cybersecurity Incidents ')),
  },
  {
    name: 'long-line-punctuation',
    stresses: 'one run of dots and colons after a heading (trailing-punctuation regexes)',
    make: (n) => Buffer.from(repeat(n, () => '.:', 'Item 1.05\n', 'x\nThe Company detected unauthorized access.')),
  },
  {
    name: 'whitespace-runs',
    stresses: 'long runs of spaces and tabs inside lines and at their ends',
    make: (n) => Buffer.from(repeat(n, (i) => (i % 100_000 === 99_999 ? 'x\n' : ' \t'), 'Item 1.05 Material Cybersecurity Incidents\n')),
  },
  {
    name: 'many-sentences',
    stresses: 'sentence splitting, classification and extraction over many incident sentences',
    make: (n) => Buffer.from(repeat(n, (i) => (i % 5 === 4 ? `${INCIDENT}\n` : INCIDENT), 'Item 1.05 Material Cybersecurity Incidents\n')),
  },
  {
    name: 'impact-sentences',
    stresses: 'materiality and impact statements: every sentence weighs the impact',
    make: (n) =>
      Buffer.from(
        repeat(
          n,
          (i) =>
            [
              'The incident has not had a material impact on operations, and the Company has not yet determined whether it is reasonably likely to materially impact its financial condition. ',
              'The Company incurred costs and expenses related to the incident, some of which are covered by insurance. ',
              'Other than the incident, risks from cybersecurity threats have not materially affected the Company, although they may in the future. ',
            ][i % 3]!,
          'Item 1.05 Material Cybersecurity Incidents\nOn March 1, 2025, the Company detected unauthorized access. ',
        ),
      ),
  },
  {
    name: 'cyber-words',
    stresses: 'one sentence dense with flag and classifier vocabulary, hedged and negated',
    make: (n) =>
      Buffer.from(repeat(n, (i) => ['ransomware ', 'not exfiltrated data ', 'vendor ', 'law enforcement ', 'could encrypt files ', 'threat actor gained access '][i % 6]!, 'Item 1.05 Material Cybersecurity Incidents\nData is encrypted at rest and the Company detected ransomware ')),
  },
  {
    name: 'many-dates',
    stresses: 'one sentence holding a great many dates (date roles)',
    make: (n) => Buffer.from(repeat(n, (i) => `on March ${(i % 28) + 1}, 2025 and `, 'Item 1.05 Material Cybersecurity Incidents\nThe Company detected unauthorized access ', '.')),
  },
  {
    name: 'deep-html',
    stresses: 'HTML nested very deep (parser stack)',
    make: (n) => {
      const depth = Math.floor((n - 200) / 11);
      return Buffer.from(`${HTML_HEAD}${'<div>'.repeat(depth)}<p>Item 1.05 Material Cybersecurity Incidents</p><p>${INCIDENT}</p>${'</div>'.repeat(depth)}${HTML_TAIL}`);
    },
  },
  {
    name: 'unclosed-html',
    stresses: 'HTML with unclosed elements and stray end tags',
    make: (n) => Buffer.from(repeat(n, (i) => (i % 3 === 2 ? '</b>' : `<span><font>${i % 97 === 0 ? INCIDENT : 'x'}`), `${HTML_HEAD}<p>Item 1.05 Material Cybersecurity Incidents</p>`)),
  },
  {
    name: 'dei-tags',
    stresses: 'HTML of a form to look up: many dei:DocumentType tags and no text after them',
    make: (n) => Buffer.from(repeat(n, () => '<b name="dei:DocumentType">', `${HTML_HEAD}<p>Item 8.01 Other Events</p>`)),
  },
  {
    name: 'nested-cyd-facts',
    stresses: 'inline-XBRL cyd: facts nested inside each other',
    make: (n) => {
      const open = '<ix:nonNumeric name="cyd:MaterialCybersecurityIncidentNatureTextBlock" contextRef="c1">';
      const depth = Math.floor((n - 400) / (open.length + 17 + INCIDENT.length));
      return Buffer.from(`${HTML_HEAD}<p>Item 1.05 Material Cybersecurity Incidents</p>${`${open}<p>${INCIDENT}</p>`.repeat(depth)}${'</ix:nonNumeric>'.repeat(depth)}${HTML_TAIL}`);
    },
  },
  {
    name: 'many-cyd-facts',
    stresses: 'inline-XBRL: many cyd: facts, each continued',
    make: (n) =>
      Buffer.from(
        repeat(
          n,
          (i) =>
            `<ix:nonNumeric name="cyd:MaterialCybersecurityIncidentScopeTextBlock" contextRef="c1" continuedAt="k${i}"><p>${INCIDENT}</p></ix:nonNumeric><ix:continuation id="k${i}"><p>Fact ${i} continued.</p></ix:continuation>`,
          `${HTML_HEAD}<p>Item 1.05 Material Cybersecurity Incidents</p>`,
          HTML_TAIL,
        ),
      ),
  },
  {
    name: 'submission-documents',
    stresses: 'complete submission with many <DOCUMENT> blocks missing </DOCUMENT>',
    make: (n) =>
      Buffer.from(
        repeat(n, (i) => `<DOCUMENT>\n<TYPE>EX-99.${i}\n<SEQUENCE>${i + 2}\n<TEXT>\n<p>${i % 50 === 0 ? INCIDENT : 'Exhibit.'}</p>\n</TEXT>\n`, `${SGML_HEADER('8-K')}<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n<html><body><p>Item 1.05 Material Cybersecurity Incidents</p><p>${INCIDENT}</p></body></html>\n</TEXT>\n`, '</SEC-DOCUMENT>\n'),
      ),
  },
  {
    name: 'submission-uuencoded',
    stresses: 'complete submission carrying a large uuencoded binary exhibit',
    make: (n) => {
      const head = `${SGML_HEADER('8-K')}<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n<html><body><p>Item 1.05 Material Cybersecurity Incidents</p><p>${INCIDENT}</p></body></html>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>2\n<FILENAME>image.jpg\n<TEXT>\n`;
      const tail = '\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n';
      const payload = Math.max(0, Math.floor(((n - head.length - tail.length) * 45) / 62));
      return Buffer.from(head + uuencode('image.jpg', pseudoRandomBytes(payload)) + tail, 'latin1');
    },
  },
];

export const shapeNamed = (name: string): Shape => {
  const s = SHAPES.find((x) => x.name === name);
  if (!s) throw new Error(`no adversarial shape named ${name}`);
  return s;
};
