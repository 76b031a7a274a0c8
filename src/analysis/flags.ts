// The yes/no facts of DESIGN.md §4.2. A flag is set only by a sentence that states it as fact for
// this incident; denials ("no evidence of ransomware") and possibilities ("could disrupt") do not.

import type { IncidentFlags } from './types.ts';
import type { Sentence } from './sentences.ts';

type FlagName = keyof IncidentFlags;

// Words that undo a statement when they govern it closely.
const NEGATION_BEFORE = /\b(?:no|not|never|nor|without|neither|any\s+evidence|whether|if|unaware)\b[^.;]{0,60}$/i;
const HEDGE = /\b(?:could|might|would|may\s+(?:be|become|result|cause)|risks?\s+(?:of|that)|in\s+the\s+event|such\s+as)\b/i;

interface Rule {
  flag: FlagName;
  re: RegExp;
  /** Skip the negation check (the phrase itself is specific enough). */
  noNegationCheck?: boolean;
  /** Sentences that must also match (context). */
  requires?: RegExp;
  /** Sentences that rule the match out. */
  excludes?: RegExp;
}

const RULES: Rule[] = [
  { flag: 'ransomware', re: /\bransomware\b|\b(?:encrypt(?:ed|ing|ion\s+of)|deploy(?:ed|ment\s+of)\s+encryption)\b/gi, excludes: /\bencrypt\w*\s+(?:in\s+transit|at\s+rest)\b/i },
  {
    flag: 'dataAccessed',
    re: /\bexfiltrat\w+|\b(?:stole|stolen|theft\s+of|copied|acquired|obtained|accessed|exposed|compromised|viewed|took|taken|taking|downloaded|disclosed)\b(?=[^.;]{0,120}\b(?:data|information|files?|records|e-?mails?|mailboxes|documents?|source\s+code|credentials|PII|account\s+(?:data|information)|customer\s+accounts|names?|addresses|numbers)\b)|\b(?:data|information|files?|records|e-?mails?|mailboxes|documents?|source\s+code)\b[^.;]{0,80}\b(?:were|was|have\s+been|had\s+been|has\s+been|appear\s+to\s+have\s+been|to\s+have\s+been)\s+(?:\w+\s+)?(?:accessed|acquired|copied|stolen|taken|obtained|exposed|exfiltrated|disclosed|compromised|viewed)\b/gi,
  },
  {
    flag: 'operationalDisruption',
    re: /\b(?:disrupt(?:ed|ion|ions|ing)|outage|offline|off-line|inaccessible|inoperable|interrupt(?:ed|ion|ions)|shut(?:ting)?\s+down|halted|suspended\s+(?:operations|production|shipping)|(?:operations|ability|services?|functions?|production|shipping|manufacturing|systems)\b[^.;]{0,60}\b(?:impacted|affected|limited)|(?:impacted|affected)\b[^.;]{0,20}\b(?:operations|ability\s+to|functionality))\b/gi,
  },
  { flag: 'nationState', re: /\bnation[-\s]state\b|\bstate[-\s](?:sponsored|backed|affiliated|associated|actor)\b|\bgovernment[-\s](?:sponsored|backed|affiliated)\b|\bforeign\s+(?:government|intelligence)\b|\bAPT\s?\d+\b/gi },
  {
    flag: 'thirdParty',
    re: /\b(?:third[-\s]party\s+(?:provider|vendor|service\s+provider|supplier|software|platform|application|contractor|partner|hosting|data\s+center)s?|(?:vendor|supplier|service\s+provider|subcontractor|contractor|business\s+associate)s?\b)/gi,
    requires: /\b(?:incident|breach|unauthori[sz]ed|attack|compromise|experienced|threat\s+actor|accessed|ransomware)\b/i,
    excludes: /\b(?:engaged|retained|assist(?:ance)?|forensic|experts?|advisors?|specialists?|professionals?|insurance|counsel|consultants?)\b[^.;]{0,60}$|^[^.;]*\b(?:security\s+(?:vendor|provider)|insurance\s+provider)\b/i,
  },
  {
    flag: 'lawEnforcementNotified',
    re: /\b(?:law\s+enforcement|Federal\s+Bureau\s+of\s+Investigations?|FBI|U\.?S\.?\s+Secret\s+Service|police|Department\s+of\s+Justice|DOJ|CISA|Cybersecurity\s+and\s+Infrastructure\s+Security\s+Agency)\b/g,
    requires: /\b(?:notif\w+|report\w*|contact\w*|inform\w*|work\w*\s+(?:with|closely)|cooperat\w+|coordinat\w+|engag\w+|communicat\w+|alert\w*|assist\w*|consult\w*|in\s+contact)\b/i,
  },
  {
    flag: 'disclosureDelayed',
    re: /\b(?:Attorney\s+General|Department\s+of\s+Justice|DOJ)\b[^.]{0,240}\b(?:delay\w*|national\s+security|public\s+safety)\b|\bItem\s+1\.05\(c\)|\bdelay(?:ed)?\b[^.]{0,120}\b(?:Attorney\s+General|Department\s+of\s+Justice|DOJ)\b/gi,
    noNegationCheck: true,
  },
];

export interface FlagResult {
  flags: IncidentFlags;
  evidence: Partial<Record<FlagName, string>>;
}

export function emptyFlags(): IncidentFlags {
  return {
    ransomware: false,
    dataAccessed: false,
    operationalDisruption: false,
    nationState: false,
    thirdParty: false,
    lawEnforcementNotified: false,
    disclosureDelayed: false,
  };
}

export function extractFlags(sentences: readonly Sentence[]): FlagResult {
  const flags = emptyFlags();
  const evidence: FlagResult['evidence'] = {};
  for (const s of sentences) {
    const t = s.text;
    for (const rule of RULES) {
      if (flags[rule.flag]) continue;
      if (rule.requires && !rule.requires.test(t)) continue;
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(t); m; m = rule.re.exec(t)) {
        const before = t.slice(Math.max(0, m.index - 80), m.index);
        if (!rule.noNegationCheck && (NEGATION_BEFORE.test(before) || HEDGE.test(before.slice(-40)))) continue;
        if (rule.excludes && (rule.excludes.test(before) || rule.excludes.test(t.slice(0, m.index + m[0].length)))) continue;
        flags[rule.flag] = true;
        evidence[rule.flag] = t;
        break;
      }
    }
  }
  return { flags, evidence };
}
