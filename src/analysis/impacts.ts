// What the filing says about the incident's impact: the materiality conclusion (material,
// not material, not yet determined) and the impact statements a reader wants to see
// (operations, financial condition, data, customers, costs, insurance).

import type { MaterialImpact, Statement, StatementKind } from './types.ts';
import type { Sentence } from './sentences.ts';

const IMPACT_OBJECT = /\b(?:impact|affect|effect|materially)\b/i;

// "has not (yet) determined whether…", "cannot be determined", "not yet known", "still assessing".
const NOT_DETERMINED =
  /\b(?:(?:has|have|had)\s+not\s+(?:yet\s+)?(?:determined|concluded|confirmed|assessed)|not\s+(?:yet\s+)?(?:been\s+)?(?:determined|confirmed|known|quantified)|(?:cannot|can\s+not|could\s+not|unable\s+to)\s+(?:yet\s+)?(?:be\s+)?(?:determined?|estimate|quantify|predict|assess)|still\s+(?:in\s+the\s+process\s+of\s+)?(?:determining|assessing|evaluating)|is\s+(?:also\s+)?assessing|continu\w+\s+to\s+(?:assess|evaluate)\s+(?:the\s+)?(?:impact|whether)|(?:remains?|is)\s+(?:to\s+be\s+determined|uncertain|unknown))\b/i;
// "has not had, and is not reasonably likely to have, a material impact", "does not believe … materially impact".
const NOT_MATERIAL =
  /\b(?:(?:has|have|had)\s+not\s+had(?:,?\s+and\s+(?:is|are)\s+not\s+(?:reasonably\s+)?(?:likely|expected)\s+to\s+have,?)?|(?:is|are|was)\s+not\s+(?:reasonably\s+)?(?:likely|expected)\s+to\s+(?:have|materially)|(?:does|do|did)\s+not\s+(?:currently\s+)?(?:believe|expect|anticipate)\b[^.;]{0,120}\b(?:material|materially)|not\s+(?:to\s+)?(?:be|been)\s+material|did\s+not\s+(?:have|result\s+in)\s+a\s+material|no\s+material\s+(?:impact|effect)|immaterial|(?:determined|concluded)\s+that\s+(?:the\s+)?(?:incident|matter|event)\s+(?:was|is)\s+not\s+material)\b/i;
// "has had a material impact", "is reasonably likely to have a material impact", "determined … material".
const MATERIAL =
  /\b(?:(?:has|have)\s+had,?\s+(?:and\s+(?:is|are)\s+reasonably\s+likely\s+to\s+(?:continue\s+to\s+)?have,?\s+)?a\s+material\s+(?:adverse\s+)?(?:impact|effect)|(?:is|are|was)\s+reasonably\s+likely\s+to\s+(?:have|continue\s+to\s+have)\s+a\s+material|(?:likely|has)\s+(?:had|have)\s+a\s+material|materially\s+(?:impacted|affected|disrupted)|(?:determined|concluded)\s+(?:that\s+)?(?:the\s+)?(?:cyber\w*\s+)?(?:incident|event|attack|matter)\s+(?:is|was|to\s+be|constitutes?|may\s+constitute)\s+(?:a\s+)?material|(?:determined|concluded)\s+that\s+(?:the\s+Company|it|we)\s+(?:has|had)\s+experienced\s+a\s+material|(?:will|would)\s+(?:likely\s+)?(?:have|be)\s+(?:a\s+)?(?:material|significant)|(?:is|are|was|were)\s+material\b)/i;

export interface MaterialityResult {
  materialImpact: MaterialImpact | null;
  sentence: string | null;
}

function isNegatedMaterial(t: string): boolean {
  return /\b(?:not|no)\b[^.;]{0,40}\bmaterial/i.test(t);
}

/**
 * Materiality from the words, not from the item number. An affirmative statement of material
 * impact wins; otherwise an open determination ("has not yet determined") outranks a statement
 * that some part has not been materially affected, because the latter is usually partial
 * ("no material impact on operations" while financial impact is undetermined).
 */
export function materiality(sentences: readonly Sentence[]): MaterialityResult {
  let material: string | null = null;
  let notDetermined: string | null = null;
  let notMaterial: string | null = null;
  for (const s of sentences) {
    const t = s.text;
    if (!/\bmaterial/i.test(t) && !(NOT_DETERMINED.test(t) && IMPACT_OBJECT.test(t))) continue;
    if (!material && MATERIAL.test(t) && !(/\bwhether\b/i.test(t) && !/\bhas\s+had\b/i.test(t))) {
      const m = MATERIAL.exec(t);
      const before = m ? t.slice(Math.max(0, m.index - 50), m.index) : '';
      if (!/\b(?:not|no|whether|if|could|may)\b[^.;]*$/i.test(before)) material = t;
    }
    if (!notDetermined && NOT_DETERMINED.test(t) && IMPACT_OBJECT.test(t)) notDetermined = t;
    if (!notMaterial && (NOT_MATERIAL.test(t) || (isNegatedMaterial(t) && /\bimpact|\baffect/i.test(t) && !NOT_DETERMINED.test(t)))) notMaterial = t;
  }
  if (material) return { materialImpact: 'material', sentence: material };
  if (notDetermined) return { materialImpact: 'not-determined', sentence: notDetermined };
  if (notMaterial) return { materialImpact: 'not-material', sentence: notMaterial };
  return { materialImpact: null, sentence: null };
}

const STATEMENT_RULES: ReadonlyArray<readonly [StatementKind, RegExp]> = [
  ['insurance', /\binsur(?:ance|ed|er)\b/i],
  ['costs', /\b(?:costs?|expenses?|charges?|losses|loss\s+of|\$\s?[\d.,]+\s*(?:million|billion)?)\b/i],
  ['data', /\b(?:personal\s+(?:data|information)|PII|customer\s+(?:data|information)|exfiltrat\w+|data\s+(?:was|were)|information\s+(?:was|were)|records)\b/i],
  ['customers', /\b(?:customers?|clients?|patients?|consumers?|members?|users?)\b/i],
  ['operations', /\b(?:operations?|disrupt\w*|offline|outage|systems?\s+(?:were|are)\s+(?:restored|down)|manufactur\w+|shipping|production)\b/i],
  ['financial', /\b(?:financial\s+condition|results\s+of\s+operations|revenue|net\s+income|earnings|EBITDA|guidance)\b/i],
];

/** Sentences about the incident's impact, labelled by what they concern. */
export function impactStatements(sentences: readonly Sentence[], limit = 12): Statement[] {
  const out: Statement[] = [];
  for (const s of sentences) {
    const t = s.text;
    if (t.length > 800) continue;
    const aboutImpact = /\b(?:impact\w*|affect\w*|disrupt\w*|material\w*|costs?|expenses?|insurance|exfiltrat\w*|accessed|stolen|notif\w+\s+(?:affected|impacted)|restor\w+|offline|loss\w*)\b/i.test(t);
    if (!aboutImpact) continue;
    if (/forward-looking/i.test(t)) continue;
    let kind: StatementKind = 'impact';
    for (const [k, re] of STATEMENT_RULES) {
      if (re.test(t)) {
        kind = k;
        break;
      }
    }
    if (/\bmaterial(?:ly)?\b/i.test(t) && /\b(?:financial\s+condition|results\s+of\s+operations)\b/i.test(t)) kind = 'financial';
    out.push({ kind, text: t });
    if (out.length >= limit) break;
  }
  return out;
}
