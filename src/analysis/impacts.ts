// What the filing says about the incident's impact: the materiality conclusion (material,
// not material, not yet determined) and the impact statements a reader wants to see
// (operations, financial condition, data, customers, costs, insurance).

import type { MaterialImpact, Statement, StatementKind } from './types.ts';
import { EXCEPTION_CONSTRUCTION, INCLUDING_NAMED } from './classify.ts';
import type { Sentence } from './sentences.ts';

// Three kinds of statement about the incident's impact. Each is matched within one clause, so
// that "has not had a material impact on operations, and has not yet determined whether it is
// reasonably likely to materially impact financial condition" yields one of each.

/** The impact is open: not yet determined, cannot be estimated, still being evaluated, or only possible. */
/** A hedged possibility: "could have the potential to have a material impact", "potentially material". */
const HEDGED = /\b(?:(?:may|could|might)\s+(?:\w+\s+){0,3}(?:materially|material)|(?:may|could|might)\s+have\s+the\s+potential\s+to\s+(?:\w+\s+){0,3}?(?:materially|material)|potentially\s+material|\bpossible\s+that\b[^.;]{0,120}?\bmaterial(?:ly)?)\b/i;
/** A sentence about this incident rather than about cyber risk in general. */
const ABOUT_THE_INCIDENT = /\b(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:incident|attack|intrusion|breach|matter|event)\b|\bthe\s+(?:Incident|Cyber\w*|Data\s+Breach|Security\s+Incident)\b/i;

const OPEN =
  /\b(?:(?:has|have|had)\s+not\s+(?:yet\s+)?(?:determined|concluded|confirmed|assessed|quantified)|not\s+(?:yet\s+)?(?:been\s+)?(?:determined|confirmed|known|quantified|quantifiable)|(?:cannot|can\s+not|could\s+not|unable\s+to)\s+(?:yet\s+|reasonably\s+|currently\s+)?(?:be\s+)?(?:determined?|estimated?|quantify|quantified|predict|assess(?:ed)?)(?=[^.;]{0,100}\b(?:impact|effect|material\w*|financial|results)\b)|(?:cannot|can\s+not|could\s+not)(?<=\b(?:impact|effect|material\w*)\b[^.;]{0,100}(?:cannot|can\s+not|could\s+not))\s+(?:yet\s+|reasonably\s+|currently\s+)?be\s+(?:determined|estimated|quantified|predicted)|(?:still\s+)?(?:estimating|quantifying)\s+(?:the\s+|any\s+)?(?:[\w,-]+\s+){0,5}?(?:impact|effect)|still\s+(?:in\s+the\s+process\s+of\s+)?(?:determining|assessing|evaluating)|is\s+(?:also\s+)?(?:assessing|evaluating)|(?:assessing|evaluating|determining)\s+(?:the\s+)?(?:(?:full|potential|ultimate)\s+)*(?:impact|effect|extent|materiality)\b|(?:currently|continu\w+\s+to)\s+(?:assess|evaluat|measur)\w*\b[^.;]{0,80}\b(?:impact|effect|materiality|material)\w*|(?:currently|continu\w+\s+to)\s+monitor\w*\b[^.;]{0,80}\bmaterial\w*|(?:being|be)(?<=\b(?:impacts?|effects?|materiality|material|extent|scope)\b[^.;]{0,100}(?:being|be))\s+(?:assessed|evaluated|determined|quantified)|(?:remains?|is)\s+(?:to\s+be\s+determined|uncertain|unknown)|(?:difficult|too\s+early)\s+to\s+(?:quantify|estimate|predict|determine)|(?:impact|effect),?\s+if\s+any,|(?:work(?:s|ing)?|continu\w+|seek(?:s|ing)?|efforts?|(?:is|are)\s+(?:still\s+|currently\s+)?(?:working|trying|seeking))\s+to\s+(?:determine|assess|evaluate|understand|ascertain)\s+whether\s+(?:or\s+not\s+)?(?:the|this|it|such)\b[^.;]{0,160}?\bmaterial\w*|(?:is|are)\s+(?:still\s+|currently\s+)?(?:determining|evaluating|assessing|investigating)\s+whether\s+(?:or\s+not\s+)?(?:the|this|it|such)\b[^.;]{0,160}?\bmaterial\w*|(?:has|have)\s+yet\s+to\s+(?:determine|conclude|assess)\b|not\s+(?:yet\s+|currently\s+)?able\s+to\s+(?:reasonably\s+)?(?:determine|estimate|quantify|assess|predict)\b(?=[^.;]{0,100}\b(?:impact|effect|material\w*|financial|results)\b)|(?:has|have)\s+not\s+(?:yet\s+)?(?:made|reached)\s+(?:a|any)\s+(?:final\s+)?(?:materiality\s+)?determination\b|\bno\s+(?:final\s+)?(?:materiality\s+)?determination\s+has\s+(?:yet\s+)?been\s+(?:made|reached)\b|not\s+(?:yet\s+)?possible\s+(?:at\s+this\s+time\s+|currently\s+|yet\s+)?to\s+(?:reasonably\s+)?(?:determine|estimate|quantify|assess|predict)\b(?=[^.;]{0,100}\b(?:impact|effect|material\w*|financial|results)\b)|(?:remains?|is|are)(?<=\b(?:impacts?|effects?|materiality|extent|scope)\b[^.;]{0,100}(?:remains?|is|are))\s+(?:still\s+)?under\s+(?:evaluation|review|assessment)\b|\bmaterial(?:ity|\s+impact|\s+effect)\b[^.;]{0,160}?\b(?:will|would|may)\s+(?:ultimately\s+)?depend\s+on)\b/i;
/** A statement that the impact is not material (present or reasonably likely). */
const NOT_MATERIAL =
  /\b(?:(?:has|have|had)\s+not\s+(?:had|resulted\s+in|caused|experienced)|(?:has|have|had)\s+not\s+(?:yet\s+)?(?:identified|observed|seen|found)\s+(?:any\s+|an?\s+)?(?=(?:material|significant)\s+(?:\w+\s+){0,2}?(?:impacts?|effects?|disruptions?)|(?:[\w-]+\s+){0,2}?(?:impacts?|effects?|aspects?|evidence)\b[^.;]{0,80}?\b(?:that|which)\s+(?:is|was|has\s+been|has\s+had|have\s+had|had|would\s+be)\s+(?:a\s+)?material)|(?:is|are|was|were)\s+not\s+(?:currently\s+)?(?:reasonably\s+)?(?:likely|expected)\s+to|(?:will|would)\s+not\s+(?:have|be|result|cause)\b|(?:does|do|did)\s+not\s+(?:currently\s+|presently\s+)?(?:believe|expect|anticipate|appear|experience|have|result)|not\s+(?:to\s+)?(?:be|been)\s+(?:materially|material)|(?:have|has)\s+not\s+been\s+materially|no\s+(?:material|significant)\s+(?:\w+\s+){0,2}(?:impact|effect|disruption|expenses?|costs?)|neither\b|immaterial|(?:determined|concluded)\s+that\s+(?:the\s+)?(?:incident|matter|event)\s+(?:was|is|did)\s+not)\b[^.;]{0,200}?\b(?:material(?:ly)?|significant)\b/i;
/** Self-contained denials: "no material impacts", "immaterial", "not material". */
const NOT_MATERIAL_SHORT =
  /\b(?:no\s+(?:material|significant)\s+(?:\w+\s+){0,2}?(?:impacts?|effects?|disruptions?|interruptions?|expenses?|costs?)|immaterial(?!\s+(?:number|amount|portion|subset|percentage)\s+of)|(?:was|is|were|are)\s+not\s+material|(?:has|have|had)\s+not\s+been\s+material|\bnone\s+of\s+[^.;]{0,80}?\b(?:was|were|is|are|has\s+been|have\s+been)\s+material|\b(?:incident|attack|breach|intrusion|event|matter|it)\b[^.;]{0,60}?\b(?:has|have|had|did)\s+not\s+(?:yet\s+)?(?:been\s+)?materially\s+(?:impact|affect|disrupt|harm)\w*)\b/i;
/** A statement that the impact is material. */
const MATERIAL =
  /\b(?:(?:has|have|had)\s+(?:had|been)?,?\s*(?:and\s+(?:is|are)\s+reasonably\s+likely\s+to\s+(?:continue\s+to\s+)?have,?\s+)?(?:a\s+)?material(?:ly)?\s+(?:adverse\s+)?(?:impact|effect|affected|impacted)|(?:is|are|was|were)\s+reasonably\s+likely\s+to\s+(?:have|continue\s+to\s+have|materially)|(?:likely|has|have)\s+had\s+a\s+material|\bhad\s+a\s+material\s+(?:adverse\s+)?(?:impact|effect)|materially\s+(?:(?:and\s+)?adversely\s+)?(?:impacted|affected|disrupted|harmed)|(?:is|are)\s+(?:currently\s+)?expected\s+to\s+materially\s+(?:and\s+adversely\s+)?(?:impact|affect)|\bwill\s+(?:likely\s+)?materially\s+(?:and\s+adversely\s+)?(?:impact|affect)|(?:resulted\s+in|caused)\s+(?:a\s+)?material\s+(?:[\w-]+\s+)?(?:decreases?|declines?|reductions?|increases?|loss(?:es)?|disruptions?)\b|(?:incurred|accrued|recorded|recognized)\s+(?:and\s+(?:accrued|recorded|recognized)\s+)?material\s+(?:[\w-]+\s+){0,2}(?:expenses?|costs?|charges?|losses)|(?:incurred|experienced|resulted\s+in)\s+(?:[\w-]+\s+){0,4}?(?:and\s+other\s+)?material\s+(?:[\w-]+\s+){0,2}?(?:effects?|impacts?)|(?:will|would)\s+(?:likely\s+)?(?:have|be)\s+(?:a\s+)?(?:material|significant)|resulted\s+in\s+material\s+(?:adverse\s+)?(?:judgments?|settlements?|fines|penalties|losses|costs|expenses)|(?:incurred|caused\s+(?:the\s+Company|us)\s+to\s+incur)\s+(?:[\w-]+\s+){0,2}?significant\s+(?:[\w-]+\s+)?(?:costs|expenses|losses)|\b(?:costs?|expenses?|charges?|losses|impacts?|effects?)\b(?:\s+[\w’'-]+){0,8}?\s+(?:was|were|has\s+been|have\s+been)\s+material\b(?!\s+weakness)|significant\s+(?:negative\s+|adverse\s+)?(?:impact|effect)\s+on\s+(?:our|its|the\s+Company['’]s)?\s*(?:\w+\s+){0,3}(?:results|revenues?|operating\s+results|financial))/i;
/** A statement about material impact, not only about scope, duration or a past determination. */
const SAYS_IMPACT = /\bmaterial(?:ly)?\s+(?:adverse\s+)?(?:impact|effect|affect|disrupt)\w*|\b(?:impact|affect)\w*\b[^.;]{0,60}\bmaterial/i;
/** Names an impact or effect at all, material or not. */
const ABOUT_IMPACT = /\b(?:impacts?|effects?)\b/i;
/** Financial condition, results or the business as a whole (not only operations). */
const FINANCIAL_SCOPE =
  /\b(?:financial\s+(?:condition|conditions|results|position|statements|performance|guidance)|results\s+of\s+operations|operating\s+results|net\s+income|earnings|revenues?|cash\s+flows?|business\s+strategy|(?:our|its|the\s+Company['’]s)\s+business\b(?!\s+operations)|overall\b(?!\s+(?:business\s+)?operations))\b/i;
const OPERATIONS_ONLY = /\b(?:operations|operational|operating\s+environment|financial\s+systems|business\s+operations|quality\s+of\s+care|systems)\b/i;
// Generic risk statements about cyber threats at large, not about this incident.
const GENERIC_RISK = /\bif\s+realized\b|\bany\s+of\s+which\s+(?:could|may|might)\b|\bsuch\s+(?:incidents|attacks|breaches|events)\b[^.;]{0,80}\b(?:could|may|might)\b|\b(?:(?:a|any)\s+(?:future\s+)?|future\s+)cyber(?:security)?\s+(?:incident|attack)s?\s+that\s+(?:could|may|might)\b|\brisks?\s+from\s+(?:known\s+)?cybersecurity\s+threats\b|\bcybersecurity\s+threats\s+that\b|\bno\s+(?:guarantee|assurance)\b|\bin\s+the\s+future\b/i;
/**
 * The subject of risk text, opening its clause: cyber threats or incidents in general
 * ("Cybersecurity threats are reasonably likely to materially affect", "A cybersecurity incident is
 * reasonably likely to have"), not an incident the clause says the company experienced.
 */
const GENERIC_SUBJECT =
  /^\s*(?:(?:however|moreover|further(?:more)?|additionally|in\s+addition|as\s+a\s+result|accordingly),?\s+)?(?:(?:a|an|any)\s+(?:future\s+)?(?:[\w-]+\s+){0,2}?(?:incident|attack|breach|threat|event|intrusion)|(?:such|these|those|other|similar|future)\s+(?:[\w-]+\s+){0,2}?(?:incidents|attacks|breaches|threats|events|intrusions)|cyber(?:security)?[-\s](?:threats?|risks?|incidents|attacks|breaches)|cyber-?attacks|security\s+(?:incidents|breaches))\b/i;
/** What will or is likely to happen, as against what has happened. */
const FORWARD_LOOKING = /\b(?:reasonably\s+likely|will|would)\b/i;
// "would be materially affected if" is a counterfactual; "None of the costs were material" a denial.
const NEGATED_PREFIX = /\b(?:not|no|none|neither|nor|never|whether|if|could|would|may|might|cannot|without)\b/i;

/**
 * A leading concessive clause ("While the full scope of the financial impact is not yet known, the
 * incident is reasonably likely to have a material impact"): what it leaves open does not open the
 * statement that follows it, so it is a clause of its own.
 */
const CONCESSIVE_LEAD = /^\s*(?:while|although|though|even\s+though)\b[^,;]{1,200}?,\s*/i;
const clausesOf = (t: string): string[] => {
  const lead = CONCESSIVE_LEAD.exec(t);
  if (!lead) return t.split(CLAUSE_SPLIT);
  return [lead[0], ...t.slice(lead[0].length).split(CLAUSE_SPLIT)];
};
const CLAUSE_SPLIT = /;|,\s*(?:and|but|however|although|while|though)\s+|\s+and,\s+|\bhowever,?\s+|\bbut\s+|\.\s+|,\s+(?=(?:the\s+(?:Company|Registrant|full)|we|it|management|this|its|our)\b)/i;
/** "except as set forth herein, we have not identified any … that have materially impacted". */
const EXCEPT_HEREIN = /\bexcept\s+as\s+(?:set\s+forth|described|disclosed|discussed)\s+(?:herein|above|below|in\s+this)\b/i;
/**
 * The Item 106(c)(2) statement of a 10-K: "has not identified any risks from cybersecurity
 * threats … that have materially affected … the Company". Generic, so it decides only when the
 * report says nothing more specific about the incident.
 */
const ITEM_106_DENIAL =
  /\b(?:has|have)\s+not\s+identified\s+any\s+(?:risks\s+from\s+(?:known\s+)?cybersecurity\s+threats|cybersecurity\s+(?:threats|incidents))\b[^.]*\bmaterially\s+affected\b|\brisks\s+from\s+(?:known\s+)?cybersecurity\s+threats\s+(?:have|has)\s+not\s+materially\s+affected\b/i;
/** "we determined that the incident was a material event": a determination standing in for impact. */
const DETERMINED_MATERIAL_EVENT =
  /\b(?:determined|concluded)\b[^.;]{0,60}\b(?:was|is|to\s+be|constituted?)\s+(?:a\s+)?material\s+(?:cyber\w*\s+)?(?:event|incident)\b|\b(?:we|the\s+Company|the\s+Registrant)\s+(?:experienced|suffered)\s+a\s+material\s+(?:cyber\w*\s+)?(?:security\s+)?(?:event|incident|attack|breach)\b/i;

/** Lawsuits, claims and regulatory inquiries: a contingencies note's subject. */
const LITIGATION = /\b(?:litigation|lawsuits?|legal\s+(?:proceedings|matters|actions)|regulatory\s+(?:inquiries|matters|proceedings)|class\s+actions?)\b/i;
/** Words that tie a sentence to an incident. */
const INCIDENT_WORD = /\b(?:incidents?|attacks?|cyber\w*|breach\w*|intrusions?|ransomware|unauthori[sz]ed|threat\s+actors?|hack\w*)\b/i;
/**
 * Incidents other than the one reported, told in the plural: "We have experienced cybersecurity
 * incidents that were immaterial", "any other cybersecurity incidents", "prior incidents".
 */
const OTHER_INCIDENTS =
  /\b(?:other|prior|previous|past|earlier|additional)\s+(?:[\w-]+\s+){0,2}?(?:incidents|attacks|breaches)\b|\b(?:have|has)\s+(?:in\s+the\s+past\s+)?experienced\s+(?:[\w-]+\s+){0,2}?(?:incidents|attacks|breaches)\s+(?:that|which)\s+(?:were|have\s+been)\s+(?:immaterial|not\s+material)/i;

/** One incident by a definite name: "the May 2023 ransomware incident", "the Previously Disclosed Cyber Incident". */
const NAMES_ONE = /\b(?:the|this|our|its)\s+(?:[\w-]+\s+){0,4}?(?:incident|attack|cyberattack|intrusion|breach|matter|event)\b/i;

/** "not … a material impact on its long-term financial condition": beside a near-term material impact, no contradiction. */
const LONG_TERM = /\blong[-\s]term\b|\bfull[-\s]year\b/i;

export interface MaterialityResult {
  materialImpact: MaterialImpact | null;
  sentence: string | null;
  /** The text states the impact both material and not material (financially). */
  conflict?: boolean;
}

/**
 * Materiality from the words, not from the item number, and not from a determination that the
 * incident is material (which Item 1.05 requires of every filer): an affirmative statement of
 * material impact wins; then a statement that the financial condition or results are not
 * (reasonably likely to be) materially affected; then an open question ("has not yet
 * determined", "cannot estimate", "may materially impact"); then a denial limited to operations;
 * and only when nothing else is said, a determination that the incident was a material event,
 * or else a 10-K's general statement that no cyber risk has materially affected the company.
 */
export interface MaterialityOptions {
  /**
   * Count a hedge ("may materially affect") only in a sentence about the incident: a 10-K's risk
   * text hedges about cyber incidents in general on every page.
   */
  hedgesNeedTheIncident?: boolean;
}

export function materiality(sentences: readonly Sentence[], options: MaterialityOptions = {}): MaterialityResult {
  let material: string | null = null;
  // The material statement is about the financial condition or results, not about operations.
  let materialFinancially = false;
  let notMaterialFinancial: string | null = null;
  let open: string | null = null;
  let notMaterialOperations: string | null = null;
  let determinedEvent: string | null = null;
  let item106Denial: string | null = null;
  // Candidates that name materiality or impact outrank vaguer ones of the same class: "has not
  // determined whether … reasonably likely to materially impact" over "cannot estimate the duration
  // of the disruption", "has not had a material impact" over "determined that it was not material".
  // Below those, one about the impact or effect outranks one about the scope of the data ("unable to
  // determine the full financial impact" over "the full scope of affected data sets has not yet
  // been determined").
  const rank = (t: string): number => (SAYS_IMPACT.test(t) ? 2 : ABOUT_IMPACT.test(t) ? 1 : 0);
  const better = (current: string | null, t: string): string => (current === null || rank(t) > rank(current) ? t : current);
  for (const s of sentences) {
    // XBRL viewer pages glue "not" to the next word ("we do\nnotbelieve").
    // "has not, as of the date of this report, determined": the aside would part the verb from its auxiliary.
    const t = s.text
      .replace(/\bnot(?=(?:believe|expect|anticipate|be|been|have|had|materially)\b)/g, 'not ')
      .replace(/\b(not|yet)\s*,\s*(?:as\s+of\s+(?:the\s+date\s+(?:of\s+)?)?(?:this|the)\s+(?:[\w-]+\s+){0,2}?(?:report|filing|Form\s+8-K|Amendment)|at\s+this\s+time|to\s+date|at\s+present|as\s+yet|so\s+far)\s*,\s*/gi, '$1 ');
    if (t.length > 1200 || !/\b(?:material|significant|impact|affect|determin|estimat|quantif|evaluat|monitor)/i.test(t)) continue;
    if (!material && (EXCEPTION_CONSTRUCTION.test(t) || EXCEPT_HEREIN.test(t)) && /\bnot\b[^.]*\bmaterially\s+(?:affected|impacted)\b/i.test(t)) {
      material = s.text;
      continue;
    }
    if (!determinedEvent && DETERMINED_MATERIAL_EVENT.test(t) && !/\bnot\b/i.test(t)) determinedEvent = s.text;
    if (!item106Denial && ITEM_106_DENIAL.test(t) && !EXCEPTION_CONSTRUCTION.test(t) && !EXCEPT_HEREIN.test(t)) item106Denial = s.text;
    // "including as a result of the May 2023 ransomware incident", "including as a result of the
    // Previously Disclosed Cyber Incident" (Key Tronic's 10-K): a dated or named incident is this one.
    if (GENERIC_RISK.test(t) && !INCLUDING_NAMED.test(t) && !/\b(?:the|this)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:(?:19|20)\d{2}\s+)?(?:[\w-]+\s+){0,2}(?:incident|attack)\b/i.test(t)) continue;
    // "the Company believes the outcome of pending litigation will not have a material adverse
    // effect" (Aflac's 10-Q, the contingencies note above its "Cyber Incident" paragraph): a
    // sentence about lawsuits that names no incident says nothing of the incident's impact.
    if (LITIGATION.test(t) && !INCIDENT_WORD.test(t)) continue;
    for (const clause of clausesOf(t)) {
      // "We have experienced cybersecurity incidents that were immaterial and, as previously
      // disclosed, … a material cybersecurity incident" (Maximus's 10-K): other incidents' denial.
      // (ScanSource's "including as a result of the May 2023 ransomware incident or any other
      // previous cybersecurity incidents" names this one too.)
      if (OTHER_INCIDENTS.test(clause) && !ABOUT_THE_INCIDENT.test(clause) && !NAMES_ONE.test(clause)) continue;
      const hedged = HEDGED.test(clause) && (!options.hedgesNeedTheIncident || ABOUT_THE_INCIDENT.test(t));
      if ((OPEN.test(clause) || hedged) && !NOT_MATERIAL.test(clause.replace(OPEN, '').replace(HEDGED, ''))) {
        open = better(open, s.text);
        continue;
      }
      const denial = NOT_MATERIAL.exec(clause) ?? NOT_MATERIAL_SHORT.exec(clause);
      if (denial) {
        const object = clause.slice(denial.index);
        if (FINANCIAL_SCOPE.test(object) || !OPERATIONS_ONLY.test(object)) notMaterialFinancial = better(notMaterialFinancial, s.text);
        else notMaterialOperations = better(notMaterialOperations, s.text);
        continue;
      }
      const m = MATERIAL.exec(clause);
      if (m && !material) {
        const prefix = t.slice(0, t.indexOf(clause) + m.index);
        const clausePrefix = clause.slice(0, m.index);
        // Risk text forecasts for cyber incidents in general; only a forecast for this incident decides.
        const riskText = FORWARD_LOOKING.test(m[0]) && GENERIC_SUBJECT.test(clausePrefix) && !ABOUT_THE_INCIDENT.test(clausePrefix);
        // "would be materially and adversely affected if we were unable to restore": a condition, not a forecast.
        const conditional = FORWARD_LOOKING.test(m[0]) && /\b(?:if|unless|in\s+the\s+event\s+(?:that|of))\b/i.test(clause.slice(m.index));
        if (!riskText && !conditional && !NEGATED_PREFIX.test(clausePrefix) && !/\b(?:neither|whether|if)\b/i.test(prefix)) {
          material = s.text;
          const object = clause.slice(m.index);
          materialFinancially = FINANCIAL_SCOPE.test(object) && !OPERATIONS_ONLY.test(object.replace(/\bresults\s+of\s+operations\b/gi, ''));
        }
      }
    }
  }
  if (material) return { materialImpact: 'material', sentence: material, ...(materialFinancially && notMaterialFinancial && notMaterialFinancial !== material && !LONG_TERM.test(notMaterialFinancial) ? { conflict: true } : {}) };
  if (notMaterialFinancial) return { materialImpact: 'not-material', sentence: notMaterialFinancial };
  if (open) return { materialImpact: 'not-determined', sentence: open };
  if (notMaterialOperations) return { materialImpact: 'not-material', sentence: notMaterialOperations };
  if (determinedEvent) return { materialImpact: 'material', sentence: determinedEvent };
  if (item106Denial) return { materialImpact: 'not-material', sentence: item106Denial };
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
