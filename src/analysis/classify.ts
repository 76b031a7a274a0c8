// Does a filing disclose a specific cybersecurity incident that the registrant (or a vendor
// serving it) experienced? Cyber vocabulary alone says nothing: risk factors, forward-looking
// boilerplate, merger carve-outs and security vendors' releases are full of it. What counts is a
// sentence that reports an event: someone experienced, detected or was notified of an incident,
// or a threat actor gained access, stated as fact and not as a possibility or a denial.

import type { Sentence } from './sentences.ts';

const MONTHS = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const INCIDENT_NOUN =
  '(?:cyber[-\\s]?security\\s+(?:incident|event|attack|breach|matter|issue)|cyber[-\\s]?(?:incident|attack|event|intrusion)|ransomware(?:\\s+(?:attack|incident|event))?|unauthorized\\s+(?:access|activity|activities|party|parties|third\\s+party|actor|user|individual|persons?|occurrences?|intrusion|acquisition|disclosure)|threat\\s+actors?|intrusion|suspicious\\s+(?:activity|activities|network\\s+activity)|malicious\\s+(?:activity|activities|cyber)|(?:information\\s+|data\\s+|network\\s+|IT\\s+)?security\\s+(?:incident|breach|event)|data\\s+(?:breach|incident|security\\s+incident)|network\\s+(?:intrusion|incident)|compromise\\s+of|(?:system|systems|network|technology|IT)\\s+(?:outage|disruption)\\s+(?:caused\\s+by|due\\s+to|resulting\\s+from)\\s+(?:a|an)\\s+cyber|malware|phishing\\s+attack|business\\s+e-?mail\\s+compromise|(?:suspicious|irregular|unusual|anomalous)\\s+(?:network\\s+)?(?:activity|activities)|cyber[-\\s]?criminals?|hack(?:ers?|ing)?\\b|bad\\s+actor|attackers?\\b|criminal\\s+(?:groups?|gangs?|organi[sz]ations?|actors?)|social[-\\s]engineering\\s+attack)';

/** A reported event: an experience or discovery verb governing an incident noun. */
const EVENT_VERB_THEN_NOUN = new RegExp(
  `\\b(?:experienced|detected|discovered|identified|(?:upon|after|following)\\s+(?:detecting|discovering|identifying|learning\\s+of|becoming\\s+aware\\s+of)|(?:became|become)\\s+aware\\s+(?:of|that)|(?:was|were|been|being)\\s+(?:notified|informed|alerted|made\\s+aware)\\s+(?:of|that|regarding|about|by)|(?:notified|informed|alerted)\\s+(?:us|the\\s+Company|the\\s+Registrant|[A-Z][\\w&.-]*)(?:\\s+and\\s+(?:its\\s+)?[\\w&.-]+(?:\\s+[A-Z][\\w&.-]*){0,2})?\\s+(?:that|of)|(?:materially\\s+)?(?:affected|impacted|disrupted)\\s+by\\s+(?:the|our|its|an?)\\b|learned\\s+(?:(?:during|through|in|from|as\\s+part\\s+of)\\s+(?:the|its|our)\\s+(?:[\\w-]+\\s+){0,2}?)?(?:of|that)|received\\s+(?:an?\\s+)?(?:email|e-mail|communication|notice|notification|message|ransom)|suffered|(?:was|were|(?:has|have|had)\\s+(?:recently\\s+|previously\\s+)?been)\\s+(?:recently\\s+|previously\\s+)?(?:the\\s+)?(?:target|victim|subject)\\s+of|(?:was|were|has\\s+been|have\\s+been)\\s+(?:the\\s+)?subject\\s+to\\s+(?:a|an)\\s+|(?:initiated|activated|implemented|launched|invoked)\\s+(?:its|our|the\\s+Company['’]s)\\s+(?:[\\w-]+\\s+){0,3}?(?:protocols?|plans?|procedures|processes)\\s+in\\s+response\\s+to|responded\\s+to|is\\s+(?:investigating|responding\\s+to|addressing)|was\\s+impacted\\s+by|was\\s+affected\\s+by|determined\\s+(?:on\\s+[^,]{3,30},?\\s+)?that\\s+(?:it|the\\s+Company|we)\\s+(?:had\\s+|has\\s+)?experienced)\\b[^.;]{0,160}?\\b${INCIDENT_NOUN}`,
  'i',
);
/**
 * An incident told noun first: "the cybersecurity incident recently experienced by our vendor has
 * disrupted our operations", "its payment data systems were breached".
 */
const NOUN_FIRST_EVENT = new RegExp(
  `\\b(?:the|this|a\\s+previously\\s+(?:disclosed|reported))\\s+(?:[\\w-]+\\s+){0,3}?(?:cyber[-\\s]?security\\s+incident|cyber\\s+incident|cyber[-\\s]?attack|ransomware\\s+attack|security\\s+incident|data\\s+breach)\\s+(?:(?:recently|previously)\\s+)?(?:experienced|suffered)\\s+by\\b|\\b(?:the|this)\\s+(?:[\\w-]+\\s+){0,2}?(?:cyber[-\\s]?security\\s+incident|cyber\\s+incident|cyber[-\\s]?attack|ransomware\\s+attack)\\b[^.;]{0,120}?\\b(?:has|have|had)\\s+(?:\\w+\\s+)?(?:disrupted|impacted|affected|interrupted)\\b|\\b(?:confirmed|determined|discovered|learned|identified|detected)\\s+that\\s+(?:its|our|the\\s+Company['’]s|certain\\s+(?:of\\s+)?(?:its|our))\\s+(?:[\\w-]+\\s+){0,3}?(?:systems?|networks?|environment|data)\\s+(?:was|were|had\\s+been|has\\s+been)\\s+(?:breached|compromised|hacked|infiltrated)\\b|\\b(?:learned|discovered|confirmed)\\s+that\\s+(?:its|our|the\\s+Company['’]s)\\s+[^.;]{0,160}?\\b(?:products?|software|systems?|networks?|platforms?|applications?)\\s+(?:was|were|had\\s+been|has\\s+been)\\s+(?:attacked|exploited)\\b`,
  'i',
);
/**
 * The incident told by what it involved: "The incident involved unauthorized access to our network
 * by a third party" (Alberta Innovates' statement). Definite ("the", "this"), past, not denied.
 */
const INCIDENT_INVOLVED = new RegExp(
  `\\b(?:the|this)\\s+(?:[\\w-]+\\s+){0,2}?(?:incident|event|issue|matter|attack|disruption|outage)\\s+(?:involved|included|consisted\\s+of|stemmed\\s+from|was\\s+the\\s+result\\s+of)\\s+(?!no\\b|not\\b|neither\\b)(?:(?:an?|the|some|certain)\\s+)?(?:[\\w-]+\\s+){0,2}?${INCIDENT_NOUN}`,
  'i',
);
/** "a cyber-attack occurred in April 2023 that resulted in a temporary disruption": the incident as the subject of its occurrence. */
const INCIDENT_OCCURRED =
  /\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:cyber[-\s]?attack|cyber(?:[-\s]?security)?\s+(?:incident|attack|intrusion)|ransomware\s+(?:attack|incident)|(?:data\s+|information\s+|network\s+)?security\s+(?:incident|breach)|data\s+breach|network\s+intrusion)\s+(?:that\s+)?(?:occurred|took\s+place|happened)\b/i;

/**
 * A claim of data theft the company learned of: "became aware of an online post by a third party
 * claiming to have obtained a data set containing … customer information", "received a
 * communication from a threat actor claiming to have exfiltrated data". The event is the claim.
 */
const CLAIM_LEARNED_OF =
  /\b(?:became\s+aware\s+of|learned\s+of|(?:was|were)\s+(?:notified|informed|alerted|made\s+aware)\s+of|received|discovered|identified)\s+(?:an?\s+|the\s+|certain\s+)?(?:[\w-]+\s+){0,3}?(?:posts?|postings?|claims?|messages?|communications?|e-?mails?|listings?|demands?|notes?|letters?|calls?)\b[^.;]{0,120}?\bclaim(?:ing|ed|s)?\s+(?:to\s+have|that\s+(?:it|they|he|she)\s+(?:had|has|have))\s+(?:\w+\s+)?(?:obtained|stolen|accessed|acquired|exfiltrated|taken|copied|downloaded)\b/i;
/** "Following the detection of irregular activity on our network, we engaged experts": a past response to a detection. */
const DETECTION_THEN_RESPONSE =
  /\b(?:upon|after|following)\s+(?:the\s+)?(?:detection|discovery|identification)\s+of\s+[^,;]{3,160},\s+(?:we|the\s+Company|it|management|the\s+Registrant)\s+(?:\w+\s+)?(?:engaged|activated|took|launched|began|commenced|initiated|implemented|notified|retained|isolated|shut)\b/i;
/**
 * Participles used as adjectives or about risks: "an identified cybersecurity incident", "identified
 * risks", and people's skills before or after them: "experienced security professionals",
 * "contract personnel experienced with IT and cybersecurity matters" (KB Home's 10-K Item 1C).
 */
const NOT_AN_EVENT_VERB =
  /\b(?:a|an|any|each|every|the|of|such)\s+(?:identified|detected|discovered|suspected|confirmed)\b|\bexperienced\s+(?=(?:(?:cyber(?:security)?|security|information|technology|IT|senior|internal|external|third-party|outside|independent|qualified|dedicated|in-house|legal|forensic|privacy|risk|management|and)\s+){0,2}?(?:professionals?|personnel|staff|teams?|employees|leaders?|leadership|executives?|practitioners|experts?|specialists?|firms?|partners?|providers?|advisors?|consultants?|members|managers?|analysts?|engineers?|investigators?|counsel|individuals|people)\b)|\bexperienced(?<=\b(?:professionals?|personnel|staff|teams?|employees|members|individuals|people|experts?|specialists?|consultants?|advisors?|firms?|(?:who|that)\s+(?:is|are|were))\s+experienced)\s+(?:in|with|at)\b|\bidentified\s+(?:the\s+)?(?:oversight|risks?|threats?|vulnerabilit\w+|areas?|priorities|opportunities|gaps)\b/gi;
/**
 * The stop of a company name's suffix ("Retrieval-Masters Creditors Bureau, Inc. d/b/a American
 * Medical Collection Agency"), which the gap between an event verb and its incident noun may cross:
 * "has been notified by … Inc. d/b/a … (AMCA) about unauthorized activity" (LabCorp's 8-K).
 */
const CORPORATE_SUFFIX = /\b(Inc|Corp|Co|Ltd|L\.L\.C|N\.A|S\.A)\.(?=\s*[/a-z(“"])/g;
/** A reported intrusion: an actor gained access, data was exfiltrated, systems were encrypted. */
const ACTOR_DID = new RegExp(
  `\\b(?:threat\\s+actors?|unauthorized\\s+(?:third\\s+)?part(?:y|ies)|attackers?|hackers?|cyber[-\\s]?criminals?|(?:cyber[-\\s]?)?crim(?:e|inal)\\s+(?:group|gang|organi[sz]ation|threat\\s+actor|actor)s?|bad\\s+actors?|intruders?|nation[-\\s]state\\s+(?:associated\\s+)?(?:threat\\s+)?actors?|unknown\\s+(?:threat\\s+)?actors?|unauthorized\\s+(?:actors?|persons?|individuals?|users?))\\b[^.;]{0,120}?\\b(?:gained|obtained|had|has|maintained)\\s+(?:(?!no\\b|not\\b)[\\w-]+,?\\s+){0,2}?access\\b|\\b(?:threat\\s+actors?|unauthori[sz]ed\\s+(?:third\\s+)?part(?:y|ies)|unknown\\s+(?:third\\s+)?part(?:y|ies)|unauthori[sz]ed\\s+(?:actors?|individuals?|users?)|attackers?|hackers?|cyber[-\\s]?criminals?|cybercriminal|(?:cyber[-\\s]?)?crim(?:e|inal)\\s+(?:group|gang|organi[sz]ation|actor)s?|bad\\s+actors?)\\s+(?:\\w+\\s+){0,2}?(?:improperly\\s+|unlawfully\\s+|illegally\\s+)?(?:(?:obtained|acquired|stole|accessed|exfiltrated|copied|downloaded)\\s+(?:and|or)\\s+)?(?:obtained|acquired|stole|accessed|exfiltrated|copied|encrypted|removed|downloaded)\\s+(?:\\w+\\s+){0,3}?(?:information|data|files|records|systems|copy|copies|networks?|servers?|databases?|cloud\\s+(?:providers?|accounts?|environments?|platforms?|workspaces?))\\b|\\b(?:threat\\s+actors?|attackers?|hackers?|intruders?|cyber[-\\s]?criminals?|criminals|(?:unknown|unauthori[sz]ed|third)\\s+(?:(?:unauthori[sz]ed|third)\\s+)?part(?:y|ies))\\s+(?:was|were)\\s+able\\s+to\\s+(?:access|view|download|copy|obtain|acquire|exfiltrate|steal)\\b|\\b(?:intruders?|attackers?|threat\\s+actors?|hackers?)\\b[^.;]{0,120}?\\b(?:deploy(?:ed)?|install(?:ed)?|plant(?:ed)?)\\s+(?:[\\w-]+,?\\s+){0,3}?malware\\b|\\b(?:threat\\s+actors?|attackers?|hackers?|intruders?|unauthorized\\s+(?:third\\s+)?part(?:y|ies))\\s+used\\s+(?:[\\w-]+\\s+){0,3}?(?:credentials|login\\s+details|logins?|passwords?|user\\s*names?)\\s+to\\s+(?:access|enter|log\\s+in)|\\bencryption\\s+of\\s+(?:\\w+\\s+){0,2}?(?:data|files|systems|servers|devices)\\b(?!\\s+(?:in\\s+transit|at\\s+rest))|\\b(?:exfiltrated|exfiltration\\s+of|(?:encrypted|encrypting)(?!\\s+(?:\\w+\\s+){0,3}?(?:in\\s+transit|at\\s+rest))|deployed\\s+ransomware|ransomware\\s+(?:had\\s+been|was)\\s+deployed|stole\\s+data|defaced)\\b`,
  'i',
);

/** The company's own systems, where an intruder works: "the Company's network", "our IT systems", "its environment". */
const COMPANY_SYSTEMS =
  "(?:the\\s+Company['’]s|the\\s+Registrant['’]s|our|its|certain\\s+(?:of\\s+)?(?:our|its|the\\s+Company['’]s)|the)\\s+(?:[\\w’'-]+\\s+){0,3}?(?:systems?|networks?|environments?|servers?|platforms?|databases?|infrastructure|e-?mail\\s+accounts?)\\b";
/**
 * Data taken from the company's systems, told without any cyber word: "Data also was taken from
 * the Company's network" (Sinclair), "personal information … was obtained from our systems during
 * this incident" (Mr. Cooper), "certain data was extracted from our IT systems" (DISH DBS).
 */
const DATA_TAKEN = new RegExp(
  `\\b(?:data|files?|information|records|documents|copies|e-?mails?)\\b[^.;]{0,160}?\\b(?:was|were|had\\s+been|has\\s+been|have\\s+been)\\s+(?:also\\s+)?(?:taken|obtained|extracted|copied|stolen|removed|downloaded|exfiltrated|acquired)\\s+(?:[\\w-]+\\s+){0,3}?(?:from|out\\s+of)\\s+${COMPANY_SYSTEMS}|\\b(?:actors?|party|parties|individuals?|group|someone|attackers?|intruders?|criminals?)\\s+(?:[\\w-]+\\s+){0,3}?(?:took|obtained|extracted|copied|stole|removed|downloaded|exfiltrated|acquired)\\s+(?:[\\w,’'-]+\\s+){0,8}?(?:from|out\\s+of)\\s+${COMPANY_SYSTEMS}`,
  'i',
);
/**
 * Someone got into the company's systems, told without a cyber word: "certain of its systems had
 * been accessed without authorization", "an outside party had gained access to its IT systems".
 */
const SYSTEMS_ENTERED = new RegExp(
  `\\b${COMPANY_SYSTEMS}[^.;]{0,60}?\\b(?:was|were|had\\s+been|has\\s+been|have\\s+been)\\s+(?:\\w+\\s+)?(?:accessed\\s+without\\s+(?:authori[sz]ation|permission)|compromised|infiltrated|penetrated)\\b|\\b(?:an?|the)\\s+(?:outside|external|unknown|third|criminal|foreign)\\s+(?:[\\w-]+\\s+)?(?:party|parties|actors?|individuals?|group|persons?|entity)\\s+(?:had\\s+|has\\s+|have\\s+)?(?:gained|obtained)\\s+(?:unauthori[sz]ed\\s+)?access\\s+to\\s+(?:(?:part|parts|portions?|some|certain)\\s+of\\s+)?${COMPANY_SYSTEMS}`,
  'i',
);
/** Activity nobody authorised, found on the company's systems: "unauthorized activity on its network was detected". */
const ACTIVITY_FOUND = new RegExp(
  `\\b(?:unauthori[sz]ed|suspicious|unusual|anomalous|irregular)\\s+(?:network\\s+)?(?:activity|activities|access)\\s+(?:on|in|within|to|involving)\\s+${COMPANY_SYSTEMS}[^.;]{0,80}?\\b(?:was|were|had\\s+been|has\\s+been)\\s+(?:first\\s+)?(?:detected|identified|discovered|observed)\\b`,
  'i',
);
/**
 * An outage or disruption later attributed to an attack: "We have determined that the outage was
 * due to a cyber-security incident" (DISH DBS), "the network outage … was the result of a
 * cyber-security incident".
 */
const ATTRIBUTED_TO_ATTACK =
  /\b(?:outage|disruption|interruption|event|issue|incident|situation|activity|problem)s?\b[^.;]{0,160}?\b(?:was|were|is|has\s+been|had\s+been)\s+(?:(?:determined|confirmed|found)\s+to\s+(?:be|have\s+been)\s+)?(?:(?:the|a)\s+(?:direct\s+)?result\s+of|due\s+to|caused\s+by|attributable\s+to|attributed\s+to|resulted\s+from)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:cyber[-\s]?security\s+(?:incident|attack|event)|cyber[-\s]?(?:attack|incident|event)|ransomware(?:\s+attack)?|security\s+incident|malicious\s+(?:activity|attack|actor))\b/i;
/**
 * "The incident has temporarily impacted operations": an event in plain words. Weak alone (a fire
 * is an incident too), so it counts only beside the company's systems or data, and is flagged.
 */
const INCIDENT_IMPACTED =
  /\b(?:the|this)\s+(?:[\w-]+\s+)?(?:incident|event)\s+(?:(?:has|had|have)\s+(?:(?!not\b|never\b)\w+\s+)?(?:impacted|affected|disrupted|interrupted)|(?:is|was)\s+(?:(?!not\b|never\b)\w+\s+)?(?:impacting|affecting|disrupting|interrupting))\s+(?:[\w’'-]+\s+){0,4}?(?:operations|systems|business|ability)\b/i;
/** The company found out: "we discovered that certain files were taken from our environment". */
const FOUND_OUT = /\b(?:learned|discovered|became\s+aware|determined|identified|confirmed|found|detected|(?:was|were)\s+(?:notified|informed|alerted))\b/i;
/** What makes data taken from the systems an incident rather than a transfer: an incident, an investigation, notices. */
const INCIDENT_CONTEXT =
  /\b(?:incident|investigat\w+|forensic|law\s+enforcement|without\s+authori[sz]ation|(?:unknown|outside|external)\s+(?:third\s+)?part(?:y|ies)|contain(?:ed|ment)|remediat\w+|(?:outside|external|third[-\s]party)\s+(?:advisors|experts|specialists|counsel)|ransom|extort\w*|credit\s+monitoring|identity\s+protection|determine\s+what\s+(?:information|data))\b/i;
const SYSTEMS_CONTEXT = /\b(?:IT|information\s+technology|computer|network|systems|servers|environment|data)\b/i;
/** Plain-words event wording (cheap pre-filter beside CYBER_WORDS). */
const PLAIN_WORDS =
  /\b(?:taken|obtained|extracted|copied|stolen|removed|downloaded|exfiltrated|acquired|took|stole)\b[^.;]{0,120}?\b(?:from|out\s+of)\b|\b(?:incident|event)\s+(?:has|had|have|(?:is|was)\s+(?:\w+\s+)?(?:impacting|affecting|disrupting|interrupting))\b|\b(?:without\s+(?:authori[sz]ation|permission)|compromised|infiltrated|penetrated|(?:gained|obtained)\s+(?:unauthori[sz]ed\s+)?access)\b/i;
/** Words that undo a plain-words event when they come before it: "no evidence that data was taken". */
const UNDONE = /\b(?:no|not|never|nor|without|whether|if|unless|any\s+evidence|alleg\w*|claim\w*)\b/i;

/** "whether the incident involved unauthorized access" asks; it does not tell. */
function involved(t: string): boolean {
  const m = INCIDENT_INVOLVED.exec(t);
  return m !== null && !/\b(?:whether|if|unless|no\s+evidence|not\s+(?:aware|believe))\b[^.;]{0,30}$/i.test(t.slice(Math.max(0, m.index - 60), m.index));
}

function occurred(t: string): boolean {
  const m = INCIDENT_OCCURRED.exec(t);
  return m !== null && !UNDONE.test(t.slice(Math.max(0, m.index - 80), m.index)) && !/\baware\b/i.test(t.slice(Math.max(0, m.index - 40), m.index));
}

function plainEvent(t: string, systems: () => boolean, incidentContext: () => boolean): boolean {
  for (const re of [DATA_TAKEN, SYSTEMS_ENTERED, ACTIVITY_FOUND]) {
    const m = re.exec(t);
    // Records "removed from the Company's servers and transferred to the buyer" are no incident:
    // data taken counts where the text speaks of an incident, an investigation or notices.
    if (m && !UNDONE.test(t.slice(Math.max(0, m.index - 80), m.index)) && (re !== DATA_TAKEN || FOUND_OUT.test(t.slice(0, m.index)) || incidentContext())) return true;
  }
  const m = INCIDENT_IMPACTED.exec(t);
  return m !== null && !UNDONE.test(t.slice(Math.max(0, m.index - 60), m.index)) && systems();
}

/**
 * A response already under way to this incident: "took steps to contain and respond to the
 * incident", "are actively working to assess and remediate the incident". Process descriptions
 * ("once an incident is identified, the team works to contain the incident") are not events.
 */
const RESPONSE_UNDER_WAY =
  /\b(?:(?:took|has\s+taken|have\s+taken)\s+(?:\w+\s+){0,3}?(?:steps|measures|actions?)\s+to\s+(?:\w+\s+(?:and\s+)?){0,2}?|(?:is|are)\s+(?:actively\s+|currently\s+|diligently\s+)?(?:working|continuing)\s+(?:diligently\s+)?to\s+(?:\w+,?\s+(?:and\s+)?){0,3}?)(?:contain|remediate|investigate|respond\s+to|address|assess)\s+(?:(?:the|this)\s+(?:cyber(?:security)?\s+)?(?:incident|intrusion|attack|unauthorized\s+activity)|an?\s+(?:(?:data\s+|information\s+|network\s+)?security|cyber(?:security)?|ransomware)\s+(?:incident|intrusion|attack|breach))\b/i;
const PROCESS_DESCRIPTION = /\b(?:once|when(?:ever)?|any|each|in\s+the\s+event|our\s+(?:incident\s+response\s+)?(?:plan|process|program|policy))\b/i;

/** "Other than the Cyber Incident, we have not…": the exception names an incident that happened. */
export const EXCEPTION_CONSTRUCTION =
  /\b(?:other\s+than|except(?:\s+for|\s+with\s+respect\s+to)?|with\s+the\s+exception\s+of|aside\s+from|apart\s+from)\s+(?:with\s+respect\s+to\s+)?(?:the|our|its|this|that|an?)\s+(?:[\w&’'-]+\s+){0,8}?(?:incident|cyber[-\s]?attack|attack|breach)\b/i;
/**
 * "risks …, including as a result of the May 2023 ransomware incident or any other previous
 * cybersecurity incidents, have not materially affected us": Item 106(c)(2) naming one incident by
 * its date or name among the causes it weighs. "including as a result of any previous incidents"
 * names none. Case-sensitive: a capitalised word before the noun is a name ("the Change Healthcare
 * cyberattack"), a date makes it one.
 */
export const INCLUDING_NAMED = new RegExp(
  `\\b[Ii]ncluding\\s+(?:as\\s+a\\s+result\\s+of\\s+|in\\s+connection\\s+with\\s+|those\\s+(?:related\\s+to|arising\\s+from)\\s+)?(?:the|our|its)\\s+(?:previously\\s+(?:disclosed|reported|announced)\\s+)?(?:${MONTHS}\\s+(?:\\d{1,2},?\\s+)?(?:19|20)\\d{2}|(?:19|20)\\d{2}|(?!(?:Company|Registrant|Corporation|Bank|Group)\\b)[A-Z][\\w&.-]*(?:\\s+[A-Z][\\w&.-]*){0,2})\\s+(?:(?:[Cc]yber(?:security)?|[Rr]ansomware|[Ss]ecurity|[Dd]ata|[Nn]etwork|IT)\\s+)?(?:[Ii]ncident|[Aa]ttack|[Cc]yber-?[Aa]ttack|[Bb]reach|[Ii]ntrusion|[Mm]atter|[Ee]vent)\\b(?!\\s+(?:[Rr]esponse|[Mm]anagement|[Pp]lan|[Pp]rogram|[Pp]olic|[Tt]eam))`,
);
/** Item 106(c)(2)'s conclusion: risks have (not) materially affected, or are (not) reasonably likely to materially affect. */
const MATERIALLY_AFFECTED = /\bmaterially\s+(?:affected|impacted|affect|impact)\b/i;

/** A reference to an incident already reported: "filed a Form 8-K regarding a cybersecurity incident". */
const PRIOR_REPORT =
  /\b(?:filed|furnished)\s+(?:a\s+|its\s+|our\s+)?(?:Current\s+Report\s+on\s+)?Form\s+8-K\s+(?:\w+\s+){0,4}?(?:regarding|relating\s+to|related\s+to|about|disclosing|announcing|concerning|describing|reporting)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:incident|cyber[-\s]?attack|attack|breach)\b/i;
/** A definite, dated or "recent" incident: "the recent cyberattack on…", "our previously disclosed August 2023 cyberattack". */
const DEFINITE_INCIDENT =
  /\b(?:(?:the|our|its|this)\s+(?:recent|previously\s+(?:disclosed|reported|announced))\s+(?:[\w-]+\s+){0,3}?(?:cyber[-\s]?attack|cyber[-\s]?security\s+(?:incident|matter)|cyber\s+incident|ransomware\s+attack|data\s+(?:breach|security\s+incident)|security\s+incident|incident)|(?:our|its|the\s+Company['’]s)\s+(?:cyber[-\s]?attack|cyber[-\s]?security\s+incident|cyber\s+incident|ransomware\s+attack|data\s+breach|security\s+incident))\b(?!\s+(?:response|management|program|plan|policy|policies|procedures?))/i;

/** "the ransomware attack we announced on May 31, 2022": an incident pointed back to by its announcement. */
const ANNOUNCED_ON =
  /\bthe\s+(?:[\w-]+\s+){0,2}?(?:cyber[-\s]?attack|ransomware\s+attack|cyber(?:security)?\s+incident|data\s+breach|security\s+incident)\s+(?:that\s+)?(?:we|the\s+Company)\s+(?:announced|disclosed|reported)\s+on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/i;

/**
 * "the cybersecurity incident that Equifax reported on September 7, 2017", "the data breach
 * Acme Corp. announced on May 2": the filer names itself. Case-sensitive: a name is capitalised.
 */
const ANNOUNCED_BY_NAME =
  /\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:[Cc]yber[-\s]?[Aa]ttack|[Rr]ansomware\s+[Aa]ttack|[Cc]yber(?:security)?\s+[Ii]ncident|[Dd]ata\s+[Bb]reach|[Ss]ecurity\s+[Ii]ncident)\s+(?:that\s+)?(?!(?:We|The|It|They)\b)[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}\s+(?:publicly\s+)?(?:announced|disclosed|reported)\s+(?:publicly\s+)?on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d/;

/** Where the incident was disclosed before: a Current Report, or an announcement on a given day. */
const POINTS_TO_DISCLOSURE =
  /\b(?:disclosed|reported|described|announced)\s+(?:in|on)\s+(?:a|an|the|our|its)\s+(?:Current\s+Report|Form\s+8-K|8-K)|\b(?:disclosed|reported|announced|communicated)\s+(?:publicly\s+)?on\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b|\d{1,2}\/\d{1,2})/i;

/**
 * An incident named as a defined term or by its vendor or date: "the Cybersecurity Incident", "the
 * January 2025 Cyber Incident", "the CDK cyberattack". Case-sensitive: defined terms are capitalised.
 */
const NAMED_INCIDENT =
  /\b(?:the|our|its)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\s+|\d{4}\s+)?(?:Cyber(?:security)?\s+(?:Incident|Attack|Event|Matter)|Cyber-?[Aa]ttack|Ransomware\s+(?:Attack|Incident|Event)|Security\s+Incident|Data\s+(?:Security\s+)?(?:Breach|Incident)|Incident)\b(?!\s+(?:Response|Management|Plan|Program|Policy|Team))|\bthe\s+(?!(?:Company|Companys|Company['’]s|Registrant|Bank|Group|Corporation)\b)(?:[A-Z][\w&.-]*\s+){1,3}(?:cyber[-\s]?attack|cyber(?:security)?\s+incident|ransomware\s+attack|data\s+breach|security\s+incident)\b(?!\s+(?:response|reporting|management|plan|program|policy))/;
/**
 * A periodic report's plain definite name for one incident ("this cybersecurity incident", "the
 * Company's May 2026 cyber incident"): specific only beside costs or effects already incurred.
 */
const PERIODIC_DEFINITE_INCIDENT =
  /\b(?:this|the|our|its|the\s+Company['’]s)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\s+|\d{4}\s+)?(?:cyber[-\s]?attack|cyber[-\s]?security\s+(?:incident|matter)|cyber\s+incident|ransomware\s+attack|data\s+breach|security\s+incident)\b(?!\s+(?:response|management|program|plan|policy|policies|procedures?|insurance|risks?|threats?))/i;
/** Costs or effects already incurred: an amount, or a verb of something that happened. */
const ALREADY_INCURRED = /\$\s?\d|\b(?:incurred|recorded|recogni[sz]ed|pertain(?:s|ed)?\s+to|resulted\s+in|(?:was|were|been)\s+(?:negatively\s+|adversely\s+)?(?:impacted|affected)|negatively\s+impacted|downtime)\b/i;
/** What a named incident did: its costs, losses, effects, recoveries. */
const TOLD_WITH_EFFECTS =
  /\b(?:impact(?:ed)?|effects?|affected|costs?|expenses?|charges?|losses|recover(?:y|ies)|insurance|disrupt\w*|revenues?|reduc\w+|delay\w*|exfiltrat\w+|stolen|consequences|claims|lawsuits|litigation|accru\w+|settlements?)\b/i;

// Hypothetical, generic or forward-looking wording: a risk, not an event. What a program names as
// its concerns ("Our main concerns are (i) the unauthorized exfiltration of personal information …",
// Axcelis' 10-K) is feared, not told.
const HYPOTHETICAL =
  /\b(?:could|might|would|may\s+(?:be|experience|suffer|result|become|not)|if\s+(?:we|the\s+Company|our|a|an|any)|if\s+(?:they|it|such|their|its|these|those)\s+(?:[\w-]+\s+){0,2}?(?:experience[sd]?|suffer(?:s|ed)?|detect(?:s|ed)?|discover(?:s|ed)?|identif(?:y|ies|ied)|(?:is|are|was|were|become|becomes|became)\s+(?:aware|subject|the\s+(?:target|victim)))|in\s+the\s+event|such\s+as|from\s+time\s+to\s+time|continue\s+to\s+experience|expect\s+to\s+(?:continue\s+to\s+)?experience|(?:have|has)\s+(?:in\s+the\s+past\s+)?experienced,?\s+and|like\s+(?:other|many)\s+(?:companies|businesses)|risks?\s+(?:of|that|related|associated)|there\s+can\s+be\s+no\s+assurance|potential\s+(?:cyber|security)|threats?\s+(?:to|of|from)|vulnerab\w+\s+to|susceptible|including\s+as\s+a\s+result\s+of|expect\s+(?:them|these|such\s+\w+|it)\s+to\s+continue|(?:targets?|victims?)\s+of\s+(?:cyber[-\s]?attacks|attacks|incidents|breaches)|regularly|routinely|occasionally|subject\s+to\s+(?:cyber|attacks|threats)|in\s+the\s+ordinary\s+course|(?:it['’]?s|it\s+is|its)\s+possible|possible\s+that|(?:has|have)\s+experienced\s+and\s+(?:will|expects?\s+to)\s+(?:continue\s+to\s+)?experience|to\s+be\s+(?:taken|followed)|require[sd]?\s+(?:[\w-]+\s+){0,6}?to\s+(?:notify|maintain|report|implement)|plan\s+(?:covers|describes|outlines|sets\s+out)|(?:our|its|the\s+Company['’]s)\s+(?:(?:main|principal|primary|key|greatest|chief)\s+)?concerns?\s+(?:are|is|include)|increasing\s+(?:number|frequency|volume)\s+of|(?:have|has)\s+(?:in\s+the\s+past\s+)?experienced,?\s+(?!(?:a|an|the|this|these|those|two|three|several|multiple|such)\b)(?:[\w-]+\s+){0,2}?(?:cyber[-\s]?attacks|attacks|incidents|breaches|intrusions)\b)\b/i;

/**
 * An incident of other companies, not the registrant's: "Recently, several large companies in our
 * industry, including MGM Resorts and Caesars Entertainment, experienced cyberattacks", "Other
 * retailers have been the target of data breaches", "Our peers have experienced ransomware
 * attacks", or a named company's attack told by its reach ("disrupted claims processing across the
 * healthcare industry"). It counts only where the registrant is in it ("we", "us", "our systems",
 * "the Company"): "one of our vendors experienced" is the vendor's incident reaching us.
 */
const OTHERS_SUBJECT =
  /^(?:(?:recently|in\s+recent\s+(?:years|months)|in\s+(?:19|20)\d{2}|during\s+(?:19|20)\d{2}|for\s+(?:example|instance)|last\s+year|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|months)),?\s+)?(?:(?:many|several|numerous|various|some|other|certain|large|major|prominent|well-known|high-profile|a\s+number\s+of)\s+(?:[\w-]+\s+){0,3}?(?:companies|businesses|organi[sz]ations|retailers|banks|institutions|entities|firms|hospitals|health\s+systems|insurers|competitors|peers|corporations|operators|manufacturers|issuers|registrants)|(?:our|its|the\s+Company['’]s)\s+(?:industry\s+)?(?:peers|competitors|peer\s+companies)|(?:companies|businesses|organi[sz]ations)\s+(?:in|across)\s+(?:our|the|its)\s+(?:[\w-]+\s+)?(?:industry|sector))\b/i;
/** An attack told by its reach across an industry: someone else's incident. */
const INDUSTRY_WIDE =
  /\b(?:across|throughout)\s+the\s+(?:[\w-]+\s+){0,2}?(?:industry|sector)\b|\b(?:affected|affecting|impacted|impacting|disrupted|disrupting)\s+(?:many|numerous|thousands\s+of|hundreds\s+of|a\s+(?:large|significant)\s+number\s+of)\s+(?:[\w-]+\s+){0,2}?(?:companies|organi[sz]ations|businesses|entities|institutions)\b/i;
/** The registrant in the sentence: "we", "us", "our systems", "the Company" (not "our industry", "our peers"). */
// Case-sensitive: "US companies" is no "us".
const FIRST_PERSON = /\b(?:[Ww]e|us)\b|\b[Oo]ur\s+(?!(?:industry|sector|peers|competitors|peer)\b)|\bthe\s+Company\b|\bthe\s+Registrant\b/;

/** An incident that happened to other companies, told without the registrant in it. */
export function aboutOthers(sentence: string): boolean {
  return (OTHERS_SUBJECT.test(sentence) || INDUSTRY_WIDE.test(sentence)) && !FIRST_PERSON.test(sentence);
}

/** A date that makes a sentence an event report rather than a generic statement. */
export const DATED = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},?\s+)?\d{4}\b/;
/**
 * A date that bounds a reporting period dates no event: "during the three-year period ended
 * December 31, 2024 … we have, on occasion, experienced cybersecurity threats" (Weyerhaeuser's
 * 10-K) is the generic statement it would be undated.
 */
const PERIOD_BOUNDARY = new RegExp(
  `\\b(?:(?:periods?|years?|quarters?|months)\\s+(?:then\\s+)?(?:ended|ending)|as\\s+of)\\s+${DATED.source}`,
  'gi',
);
/** Dated by an event's date, not by the end of a reporting period. */
function eventDated(t: string): boolean {
  return DATED.test(t.replace(PERIOD_BOUNDARY, ' '));
}
/**
 * An event verb whose object is a bare plural ("have notified us of cybersecurity incidents
 * involving their own systems", Weyerhaeuser's 10-K; "Upon becoming aware of cybersecurity
 * incidents encountered by our third-party service providers, the … teams are deployed", Amgen's
 * 10-K) tells of incidents in general: no article, number or determiner picks one out.
 */
const EVENT_VERB_THEN_NOUN_ALL = new RegExp(EVENT_VERB_THEN_NOUN.source, 'gi');
const NOUN_AT_END = new RegExp(`${INCIDENT_NOUN}$`, 'i');
const PLURAL_HEAD = /(?:incident|attack|breach|event|intrusion)$/i;
const PICKS_ONE_OUT = /^(?:a|an|the|this|that|these|those|such|our|its|their|one|two|three|four|five|several|multiple|certain|some|\d+)$/i;
function reportsOneEvent(tEv: string): boolean {
  for (const m of tEv.matchAll(EVENT_VERB_THEN_NOUN_ALL)) {
    const noun = NOUN_AT_END.exec(m[0]);
    const plural = noun !== null && PLURAL_HEAD.test(m[0]) && /^e?s\b/i.test(tEv.slice(m.index + m[0].length));
    // The two words before the noun ("of cybersecurity incidents", "of two cyberattacks").
    const lastWords = plural ? m[0].slice(0, noun.index).trim().split(/\s+/).slice(-2) : [];
    if (!plural || lastWords.some((w) => PICKS_ONE_OUT.test(w))) return true;
  }
  return false;
}

/**
 * A date or a definite reference ("the incident", "(the “Incident”)") makes a sentence specific;
 * so does a named quarter ("in the third quarter of fiscal year 2023, we experienced a material
 * cybersecurity incident", Maximus's 10-K).
 */
const SPECIFIC =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},?\s+)?\d{4}\b|\b(?:in|during)\s+the\s+(?:first|second|third|fourth)\s+(?:fiscal\s+)?quarter\s+of\s+(?:(?:fiscal\s+)?(?:year\s+)?)?(?:19|20)\d{2}\b|\b(?:the|this)\s+(?:cyber\w*\s+)?(?:incident|attack|intrusion|event)\b|\bthe\s+(?:threat\s+actor|attacker|intruder|hacker|unauthorized\s+(?:third\s+)?party)\b|\b(?:we|the\s+Company)\s+(?:promptly\s+|immediately\s+)?(?:took|implemented|activated|launched|engaged|notified|shut\s+down|isolated|disconnected)\b|\(the\s+[“"]/i;

/** A statement about cyber risks in general (risk factors, programs), not about an incident. */
export function isGenericRisk(sentence: string): boolean {
  // "resulted in a disruption that could be considered material" hedges the materiality, not the event.
  sentence = sentence.replace(/\b(?:could|may|might)\s+be\s+(?:considered|deemed)\s+(?:to\s+be\s+)?material\w*/gi, '');
  // "until the activity could be contained" tells what happened, not what might.
  const until = /\b(?:until|before|so\s+that)\b/i.exec(sentence);
  if (until) sentence = sentence.slice(0, until.index) + sentence.slice(until.index).replace(/\bcould\b/gi, '');
  return (HYPOTHETICAL.test(sentence) || /\b(?:we|the\s+Company)\s+face\b|\brisks?\s+(?:related\s+to|including|such\s+as)\b/i.test(sentence)) && !SPECIFIC.test(sentence);
}
// Denials: no incident, or an outage expressly not caused by an attack. A parenthetical may stand
// between "not" and the verb: "While we have not, as of the date of this Report, experienced a
// cybersecurity incident that materially affected …" (a 10-K's Item 1C).
const DENIAL =
  /\b(?:(?:have|has|had|did)\s+not,?\s+(?:[^,.;]{1,60},\s+)?(?:\w+\s+){0,3}(?:experienced|identified|detected|encountered|been\s+(?:subject|impacted|affected))|no\s+(?:\w+\s+){0,3}(?:cyber[-\s]?security\s+)?(?:incidents?|events?|breach(?:es)?)\s+(?:have|has|that|were|was|requir)|not\s+aware\s+of\s+any|were\s+not\s+(?:directly\s+|materially\s+)?affected|not\s+(?:been\s+)?(?:caused\s+by|the\s+result\s+of|related\s+to|due\s+to|a\s+result\s+of)\s+(?:an?\s+)?(?:cyber|security|malicious))/i;
const NOT_AN_ATTACK =
  /\b(?:was|is|were)\s+not\s+(?:caused\s+by\s+|the\s+result\s+of\s+|due\s+to\s+|a\s+result\s+of\s+)?(?:an?\s+)?(?:cyber[-\s]?attack|cyber[-\s]?security\s+incident|security\s+incident|malicious\s+(?:activity|attack)|attack)\b|\bnot\s+(?:caused\s+by|the\s+result\s+of|related\s+to)\s+(?:an?\s+)?(?:cyber[-\s]?attack|cyber[-\s]?security\s+incident|security\s+incident)/i;

/** Any cyber-incident vocabulary at all (cheap pre-filter). */
export const CYBER_WORDS =
  /cyber|ransomware|threat\s+actor|attackers?\b|bad\s+actors?|criminal\s+(?:groups?|gangs?|organi[sz]ations?|actors?)|unauthori[sz]ed|exfiltrat|intrusion|malware|hack|breach|security\s+incident|social[-\s]engineering|phishing|business\s+e-?mail\s+compromise|(?:suspicious|irregular|unusual|anomalous)\s+activit(?:y|ies)\s+(?:on|in|involving|within)\s+(?:[\w’'(“”)-]+\s+){0,4}?(?:IT|information\s+technology|systems?|networks?|environment)\b|\bencrypt(?:ed|ing)\s+(?:some|certain|critical|portions?\s+of|parts?\s+of|its|our|the\s+Company['’]s)\s+(?:[\w-]+\s+){0,2}?(?:data|files|systems|applications|servers|devices|network)/i;

/** The forward-looking-statements legend lists the incident's unknowns, not the incident. */
const FORWARD_LOOKING = /\bforward[-\s]looking\s+statements?\b/i;

/**
 * In an Item 1.05 section (an incident by definition) the dated sentence of what the company
 * experienced, found or was told is the report of the event, whatever it calls it ("On March 16,
 * 2026, the Company experienced a temporary network disruption").
 */
const DATED_EVENT =
  /^(?:[^.;]{0,40}\b)?(?:On|In|During)\s+(?:or\s+about\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},?\s+)?\d{4}|(?:early|mid|late)[-\s]+\w+\s+\d{4})\b[^;]{0,200}?\b(?:experienced|detected|discovered|identified|became\s+aware|learned|(?:was|were)\s+(?:notified|informed|alerted))\b/i;

/** The first sentence that reports the event of an Item 1.05 section, dated or worded as an event. */
export function reportOfEvent(sentences: readonly Sentence[], evidence: readonly IncidentEvidence[]): string | undefined {
  const reported = reportedSentences(evidence);
  return sentences.find((s) => reported.has(s.text) || (DATED_EVENT.test(s.text) && !FORWARD_LOOKING.test(s.text)))?.text;
}

/**
 * The sentences that report the event itself; a response under way ("We are actively working to
 * assess and remediate the incident") only when none does (DaVita's 8-K: "the incident is
 * impacting some of our operations" reports what the company experienced).
 */
export function reportedSentences(evidence: readonly IncidentEvidence[]): Set<string> {
  const own = evidence.filter((e) => !e.reference);
  const events = own.filter((e) => !e.response);
  return new Set((events.length > 0 ? events : own).map((e) => e.sentence));
}

export interface IncidentEvidence {
  sentence: string;
  strength: number;
  /** Names an incident reported elsewhere, without reporting the event itself. */
  reference?: boolean;
  /** Tells what an intruder did ("the threat actor accessed"), not only that an incident occurred. */
  actor?: boolean;
  /** Reports the event without any cyber word ("data was taken from the Company's network"): a weak signal. */
  plain?: boolean;
  /** Names the incident only inside a follow-up (an 8-K/A, "as previously disclosed"). */
  followUp?: boolean;
  /** Reports the event inside hedged risk text ("…was the result of a cyber-security incident, and we could…"). */
  hedged?: boolean;
  /** Tells only the response under way ("are actively working to assess and remediate the incident"), not the event. */
  response?: boolean;
}

/** The sentences that report an incident as an event, strongest first. */
export function incidentEvidence(sentences: readonly Sentence[], periodic = false): IncidentEvidence[] {
  const out: IncidentEvidence[] = [];
  let systems: boolean | undefined;
  const inSystems = (): boolean => (systems ??= sentences.some((s) => SYSTEMS_CONTEXT.test(s.text)));
  let context: boolean | undefined;
  const inContext = (): boolean => (context ??= sentences.some((s) => INCIDENT_CONTEXT.test(s.text)));
  for (const s of sentences) {
    const t = s.text;
    if (t.length > 1500) continue;
    const claim = /claim/i.test(t) && CLAIM_LEARNED_OF.test(t);
    const cyber = CYBER_WORDS.test(t) || claim;
    const plainWords = PLAIN_WORDS.test(t);
    if ((!cyber && !plainWords) || FORWARD_LOOKING.test(t)) continue;
    if (aboutOthers(t)) continue;
    // Item 106(c)(2) naming an incident among what has not materially affected the company: a
    // denial of impact, not of the incident ("have not identified risks …, including as a result
    // of the 2023 cyberattack, that have materially affected us").
    // (An exception to a denial, "Other than with respect to the Cyber Incident, we have not
    // identified risks …", stays a passing mention of a term defined elsewhere.)
    const namedAmongCauses = periodic && INCLUDING_NAMED.test(t) && MATERIALLY_AFFECTED.test(t);
    if (DENIAL.test(t) || NOT_AN_ATTACK.test(t)) {
      if (namedAmongCauses && !NOT_AN_ATTACK.test(t)) out.push({ sentence: t, strength: 0.5, reference: true });
      continue;
    }
    if (!cyber) {
      // No cyber word: only data taken from the company's systems, or an incident that impacted
      // operations beside its systems, reports an event; the call is weak and flagged for review.
      if (plainEvent(t, inSystems, inContext) && !HYPOTHETICAL.test(t) && !/\b(?:may|might|could)\b/.test(t)) out.push({ sentence: t, strength: 0.6, plain: true });
      continue;
    }
    const tEv = t.replace(NOT_AN_EVENT_VERB, ' ').replace(CORPORATE_SUFFIX, '$1');
    const attributed = ATTRIBUTED_TO_ATTACK.exec(t);
    const told =
      (EVENT_VERB_THEN_NOUN.test(tEv) && (eventDated(t) || reportsOneEvent(tEv))) ||
      claim ||
      NOUN_FIRST_EVENT.test(t) ||
      involved(t) ||
      occurred(t) ||
      DETECTION_THEN_RESPONSE.test(t) ||
      (plainWords && plainEvent(t, inSystems, inContext)) ||
      (attributed !== null && !UNDONE.test(t.slice(Math.max(0, attributed.index - 60), attributed.index)));
    const response = told ? null : RESPONSE_UNDER_WAY.exec(t);
    const responding = response !== null && !PROCESS_DESCRIPTION.test(t);
    const event = told || responding;
    // "has taken measures to investigate and address a data security incident involving …"
    // (Marriott) introduces the incident; "are working to remediate the incident" only responds
    // to one told elsewhere, and a report of the event or its effects is the better quote.
    const respondsOnly = responding && /\b(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:incident|intrusion|attack|activity)$/i.test(response[0]);
    const actor = ACTOR_DID.test(t);
    // A bare reference ("other than the Cyber Incident", "the recent cyberattack") names an
    // incident but does not disclose one, unless it points to where it was disclosed.
    const reference =
      PRIOR_REPORT.test(t) ||
      ((EXCEPTION_CONSTRUCTION.test(t) || DEFINITE_INCIDENT.test(t)) && POINTS_TO_DISCLOSURE.test(t)) ||
      // "Other than the Cyber Incident, no risks have materially affected us": Item 106(c)(2) names one.
      (periodic && EXCEPTION_CONSTRUCTION.test(t) && /\bmaterially\s+(?:affected|impacted)\b/i.test(t)) ||
      namedAmongCauses ||
      ANNOUNCED_ON.test(t) ||
      ANNOUNCED_BY_NAME.test(t) ||
      // A named past incident told with its effects, in a 10-K or 10-Q (an earnings release that
      // quantifies a known attack's costs is not an incident disclosure).
      (periodic &&
        (NAMED_INCIDENT.test(t) || DEFINITE_INCIDENT.test(t) || (PERIODIC_DEFINITE_INCIDENT.test(t) && ALREADY_INCURRED.test(t))) &&
        TOLD_WITH_EFFECTS.test(t) &&
        !HYPOTHETICAL.test(t) &&
        // Case-sensitive "may": the modal, not May the month ("the Company's May 2026 cyber incident").
        !/\b(?:[Ww]ill|may|[Mm]ight|[Cc]an|[Ss]hould)\b/.test(t));
    if (!event && !actor && !reference) continue;
    if (reference && !event && !actor) {
      out.push({ sentence: t, strength: 0.5, reference: true });
      continue;
    }
    // A hedge elsewhere in a long sentence does not undo a dated or previously disclosed event, nor
    // an outage stated to have been caused by an attack ("…was the result of a cyber-security
    // incident, and we could experience similar events").
    const attributedPlainly = attributed !== null && !HYPOTHETICAL.test(t.slice(0, attributed.index + attributed[0].length));
    if (HYPOTHETICAL.test(t) && !eventDated(t) && !attributedPlainly && !/\bpreviously\s+(?:disclosed|reported|announced)\b/i.test(t)) continue;
    // Kept only because the attribution is stated plainly inside hedged text: a weaker report.
    const hedged = HYPOTHETICAL.test(t) && !eventDated(t) && !/\bpreviously\s+(?:disclosed|reported|announced)\b/i.test(t);
    out.push({
      sentence: t,
      strength: (event ? 0.6 : 0) + (actor ? 0.4 : 0),
      ...(actor ? { actor } : {}),
      ...(hedged ? { hedged } : {}),
      ...(respondsOnly && !actor ? { response: true } : {}),
    });
  }
  return out.sort((a, b) => b.strength - a.strength);
}

/** "this cyberattack", "the previously disclosed cybersecurity incident": one particular incident, by a cyber name. */
const THIS_INCIDENT =
  /\b(?:the|this|that|such)\s+(?:(?:recent|previously\s+(?:disclosed|reported|announced))\s+)?(?:[\w-]+\s+){0,2}?(?:cyber[-\s]?attack|cyber(?:[-\s]?security)?\s+(?:incident|event|matter|attack|intrusion)|ransomware\s+(?:attack|incident|event)|(?:data\s+|information\s+)?security\s+(?:incident|breach)|data\s+breach|network\s+intrusion)\b(?!\s+(?:response|management|program|plan|policy|policies|procedures?|team|risks?|insurance|preparedness))/i;

/**
 * In a follow-up (an 8-K/A, or a report that says it follows one up), a sentence that names the
 * incident stands for it even when that sentence is only about its impact: Mr. Cooper's 8-K/A
 * names "this cyberattack" only in "we do not believe the impact will be material".
 */
export function followUpMentions(sentences: readonly Sentence[]): IncidentEvidence[] {
  const out: IncidentEvidence[] = [];
  for (const s of sentences) {
    const t = s.text;
    if (t.length > 1500 || !THIS_INCIDENT.test(t) || FORWARD_LOOKING.test(t) || DENIAL.test(t) || NOT_AN_ATTACK.test(t) || PROCESS_DESCRIPTION.test(t)) continue;
    if (isGenericRisk(t) || /\b(?:could|might|would|should)\b/i.test(t)) continue;
    out.push({ sentence: t, strength: 0.5, reference: true, followUp: true });
  }
  return out;
}

/** A definite mention of an incident: "the incident", "the Data Breach", "other than the Cyber Incident". */
const MENTIONS_AN_INCIDENT = /\b(?:the|this)\s+(?:(?:recent|cyber\w*|ransomware|security|data)\s+){0,2}(?:incident|attack|intrusion|breach)\b(?!\s+(?:response|management|plan|program|policy|policies|procedures?|team|severity|classification))/i;

/** A month and year beside incident words: "during February 2024, a threat actor", "a July 2023 cybersecurity incident". */
const DATED_INCIDENT_WORDS = new RegExp(
  `${DATED.source}[^.;]{0,120}?\\b(?:incidents?|attacks?|breach(?:es)?|threat\\s+actors?|compromise[ds]?|fraud|intrusions?|ransomware|malware)\\b|\\b(?:incidents?|attacks?|breach(?:es)?|threat\\s+actors?|intrusions?|ransomware)\\b[^.;]{0,80}?${DATED.source}`,
  'i',
);
/** Rules, laws and their dates are not incidents. */
const ABOUT_RULES = /\b(?:SEC|Securities\s+and\s+Exchange\s+Commission|rules?|regulations?|laws?(?!\s+enforcement)|act|directive|guidance|standards?|framework)\b/i;

/**
 * Sentences that name a particular incident outside denials and process descriptions: in a
 * negative, a sign that an incident may have been told in words the rules do not know.
 */
export function incidentMentions(sentences: readonly Sentence[]): number {
  let n = 0;
  for (const s of sentences) {
    const t = s.text;
    if (t.length > 1500 || !CYBER_WORDS.test(t) || FORWARD_LOOKING.test(t) || DENIAL.test(t) || NOT_AN_ATTACK.test(t) || PROCESS_DESCRIPTION.test(t) || ABOUT_RULES.test(t)) continue;
    // "would be made … regarding the magnitude of the incident": how an incident would be handled.
    if (!DATED.test(t) && /\b(?:would|will|shall|should|whether|expects?|intends?)\b/i.test(t)) continue;
    if (NAMED_INCIDENT.test(t) || DEFINITE_INCIDENT.test(t) || EXCEPTION_CONSTRUCTION.test(t) || MENTIONS_AN_INCIDENT.test(t) || DATED_INCIDENT_WORDS.test(t)) n++;
  }
  return n;
}

/**
 * Near misses of a negative: sentences worded like a specific event (dated, or about "the
 * incident", "the threat actor") that were set aside as hedged. Denials and the forward-looking
 * legend are not near misses.
 */
export function setAsideEvents(sentences: readonly Sentence[]): number {
  let n = 0;
  for (const s of sentences) {
    const t = s.text;
    if (t.length > 1500 || !CYBER_WORDS.test(t) || FORWARD_LOOKING.test(t) || DENIAL.test(t) || NOT_AN_ATTACK.test(t)) continue;
    if (!EVENT_VERB_THEN_NOUN.test(t.replace(NOT_AN_EVENT_VERB, ' ')) && !NOUN_FIRST_EVENT.test(t) && !ACTOR_DID.test(t)) continue;
    if (DATED.test(t) || SPECIFIC.test(t)) n++;
  }
  return n;
}

/**
 * Near misses of a negative without cyber words: sentences worded like data taken from the
 * company's systems or an incident that impacted its operations, set aside (hedged, denied, or
 * with no systems in sight). A person should look: such incidents are told in plain words.
 */
export function plainNearMisses(sentences: readonly Sentence[]): number {
  let n = 0;
  for (const s of sentences) {
    const t = s.text;
    if (t.length > 1500 || !PLAIN_WORDS.test(t) || FORWARD_LOOKING.test(t)) continue;
    if (DATA_TAKEN.test(t) || SYSTEMS_ENTERED.test(t) || INCIDENT_IMPACTED.test(t) || ACTIVITY_FOUND.test(t)) n++;
  }
  return n;
}

/** The text expressly says the event was not a cyberattack. */
export function deniesAttack(sentences: readonly Sentence[]): string | null {
  return sentences.find((s) => NOT_AN_ATTACK.test(s.text))?.text ?? null;
}
