// The element events of an HTML document (open tag, text, close tag), built on htmlparser2's
// tokenizer. htmlparser2's own Parser emits the same events, but it keeps its open elements in an
// array whose top is index 0 (`unshift`/`shift`) and looks end tags up with `indexOf`, so a
// document nested n deep, or one with n stray end tags under n unclosed elements, costs n² — a
// few megabytes of such markup took minutes. This builder keeps the top of the stack at the end
// and a count of open elements by name: every event is O(1) amortized. Its rules (void elements,
// elements that close others, `</p>` and `</br>`, nested `<form>`, SVG and MathML) are the
// Parser's of htmlparser2 12.0, so the text read from real filings is unchanged (a test compares
// both on the corpus).

import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** What a reader of HTML listens to. */
export interface HtmlEvents {
  onopentag(name: string, attribs: Record<string, string>, isImplied: boolean): void;
  ontext(text: string): void;
  onclosetag(name: string, isImplied: boolean): void;
}

const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const pTag = new Set(['p']);
const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const tableSectionTags = new Set(['thead', 'tbody']);
const ddtTags = new Set(['dd', 'dt']);
const rtpTags = new Set(['rt', 'rp']);
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', pTag],
  ['h1', headingTags],
  ['h2', headingTags],
  ['h3', headingTags],
  ['h4', headingTags],
  ['h5', headingTags],
  ['h6', headingTags],
  ['select', formTags],
  ['input', formTags],
  ['output', formTags],
  ['button', formTags],
  ['datalist', formTags],
  ['textarea', formTags],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', ddtTags],
  ['dt', ddtTags],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t) => [t, pTag] as const,
  ),
  ['rt', rtpTags],
  ['rp', rtpTags],
  ['tbody', tableSectionTags],
  ['tfoot', tableSectionTags],
]);
const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignObject', 'desc', 'title']);
const SVG_NAMES = new Map(
  [
    'altGlyph', 'altGlyphDef', 'altGlyphItem', 'animateColor', 'animateMotion', 'animateTransform', 'clipPath', 'feBlend',
    'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting', 'feDisplacementMap',
    'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage',
    'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile',
    'feTurbulence', 'foreignObject', 'glyphRef', 'linearGradient', 'radialGradient', 'textPath',
  ].map((n) => [n.toLowerCase(), n]),
);

const enum Context {
  None,
  Svg,
  MathML,
}

/** Parses a whole HTML document, handing its element events to `events`. */
export function parseHtml(html: string, events: HtmlEvents): void {
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const context: Context[] = [Context.None];
  let tagname = '';
  let attribname = '';
  let attribvalue = '';
  let attribs: Record<string, string> | null = null;

  const inForeign = (): boolean => context[context.length - 1] !== Context.None;
  const isOpen = (name: string): boolean => (openCount.get(name) ?? 0) > 0;

  function readTagName(start: number, end: number): string {
    const name = html.slice(start, end).toLowerCase();
    if (context[context.length - 1] === Context.Svg) return SVG_NAMES.get(name) ?? name;
    // A closing tag of an SVG element inside an HTML integration point keeps the SVG casing.
    if (context.length > 1) {
      const adjusted = SVG_NAMES.get(name);
      if (adjusted !== undefined && isOpen(adjusted)) return adjusted;
    }
    if (!inForeign()) return name === 'image' ? 'img' : name;
    return name;
  }

  function push(name: string): void {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (name === 'svg') context.push(Context.Svg);
    else if (name === 'math') context.push(Context.MathML);
    else if (INTEGRATION.has(name)) context.push(Context.None);
  }

  function pop(implied: boolean): void {
    const name = stack.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    if (FOREIGN.has(name) || INTEGRATION.has(name)) context.pop();
    events.onclosetag(name, implied);
  }

  function emitOpenTag(name: string): void {
    tagname = name;
    // A second <form> inside an open one is ignored, as browsers do.
    if (name === 'form' && isOpen('form')) {
      tagname = '';
      return;
    }
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1]!)) pop(true);
    if (!VOID.has(name)) push(name);
    attribs = {};
  }

  function endOpenTag(implied: boolean): void {
    if (attribs) {
      events.onopentag(tagname, attribs, implied);
      attribs = null;
    }
    if (VOID.has(tagname)) events.onclosetag(tagname, true);
    tagname = '';
  }

  function closeCurrentTag(openImplied: boolean): void {
    const name = tagname;
    endOpenTag(openImplied);
    if (stack[stack.length - 1] === name) pop(!openImplied);
  }

  const callbacks: TokenizerCallbacks = {
    ontext(start, end) {
      events.ontext(html.slice(start, end));
    },
    ontextentity(cp) {
      events.ontext(String.fromCodePoint(cp));
    },
    isInForeignContext: inForeign,
    onopentagname(start, end) {
      emitOpenTag(readTagName(start, end));
    },
    onopentagend() {
      endOpenTag(false);
    },
    onselfclosingtag() {
      closeCurrentTag(false);
    },
    onclosetag(start, end) {
      const name = readTagName(start, end);
      if (!VOID.has(name)) {
        if (isOpen(name)) {
          while (stack[stack.length - 1] !== name) pop(true);
          pop(false);
        } else if (name === 'p') {
          // "</p>" with no open <p> is an empty paragraph.
          emitOpenTag('p');
          closeCurrentTag(true);
        }
      } else if (name === 'br') {
        events.onopentag('br', {}, true);
        events.onclosetag('br', false);
      }
    },
    onattribname(start, end) {
      attribname = html.slice(start, end).toLowerCase();
    },
    onattribdata(start, end) {
      attribvalue += html.slice(start, end);
    },
    onattribentity(cp) {
      attribvalue += String.fromCodePoint(cp);
    },
    onattribend() {
      if (attribs && !Object.hasOwn(attribs, attribname)) attribs[attribname] = attribvalue;
      attribvalue = '';
    },
    oncdata(start, end, offset) {
      // HTML has no CDATA outside SVG and MathML; there it is text.
      if (inForeign()) events.ontext(html.slice(start, end - offset));
    },
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {
      while (stack.length > 0) events.onclosetag(stack.pop()!, true);
    },
  };
  const tokenizer = new Tokenizer({ decodeEntities: true, recognizeSelfClosing: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
}
