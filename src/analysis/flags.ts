// The yes/no facts of DESIGN.md §4.2. A flag is set only by a sentence that states it as fact for
// this incident; denials ("no evidence of ransomware") and possibilities ("could disrupt") do not.

import { isGenericRisk } from './classify.ts';
import type { IncidentFlags } from './types.ts';
import type { Sentence } from './sentences.ts';

type FlagName = keyof IncidentFlags;

// Words that undo a statement when they govern it closely.
const NEGATION = /\b(?:no|not(?!\s+(?:all|only)\b)|never|nor|without|neither|any\s+evidence|whether|if|unaware|alleg\w*|potentially)\b/i;
/** Words that put everything after them in doubt, however far back in the sentence. */
const DOUBT = /\b(?:alleg\w*|purport\w*|whether|claim(?:s|ed|ing)?\s+(?:to\s+have|that)|claim\s+to\s+have)\b/i;
const HEDGE = /\b(?:could|might|would|will|may\s+(?:be|become|result|cause)|risks?\s+(?:of|that)|in\s+the\s+event|such\s+as)\b/i;

// Where a new clause with its own verb starts ("has not paid the demand and is cooperating with").
const CLAUSE_START = /;|\b(?:but|however|although|while)\b|\band\s+(?:is|are|was|were|has|have|had|will|also|subsequently|then)\b/gi;

/** The clause that governs a match: the text before it back to the last clause boundary. */
function governingClause(before: string): string {
  let cut = -1;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(before); m; m = CLAUSE_START.exec(before)) cut = m.index + m[0].length;
  return cut >= 0 ? before.slice(cut) : before;
}

/** A match inside a list of risks or threats ("subject to cyber threats, ransomware and …"). */
const GENERIC_LIST_BEFORE = /\b(?:subject\s+to(?!\s+(?:a|an|the)\s)|exposed\s+to|such\s+as|(?:protect\w*|guard\w*)\s+against|prevent(?:ing|ion\s+of)?|minimi[sz]\w*|risks?\s+(?:of|from|related\s+to|including)|cyber\s+threats|threats\s+(?:of|from|including))\b[^.;]{0,60}$/i;

/**
 * "exfiltrated certain encrypted internal ADT data" (ADT's 8-K), "stole encrypted passwords": data
 * the company had encrypted, taken as it was. "encrypted" right after a verb of taking is the
 * data's state, not the attacker's deed ("accessed and encrypted files" still is).
 */
const TAKEN_BEFORE_ENCRYPTED =
  /\b(?:exfiltrat(?:ed|ing)|st(?:ole|olen)|accessed|copied|obtained|acquired|downloaded|took|taken|extracted|viewed|exposed|leaked|theft\s+of|copies\s+of)\s+(?:(?:certain|some|the|an?|its|our|their|limited|additional|other)\s+){0,2}$/i;

/** A flag word inside a definite incident name: "the May 2023 ransomware incident", "our previously disclosed ransomware attack". */
const NAME_BEFORE =
  /\b(?:the|our|its|this)\s+(?:previously\s+(?:disclosed|reported|announced)\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},?\s+)?)?(?:(?:19|20)\d{2}\s+)?$/i;
const NAME_AFTER = /^\s+(?:attack|incident|event)\b/i;

/** Told the registrant (of an intrusion). */
const INFORMED = '(?:informed|notified|advised|alerted|told)';
/** The registrant as the one told: "us", "the Company". */
const REGISTRANT = '(?:us|the\\s+(?:Company|Registrant|Corporation|Bank))';
/** The informer's own system, page or network: "AMCA’s system", "AMCA’s web payment page". */
const OWN_SYSTEM = '(?:[\\w-]+\\s+){0,3}?(?:systems?|networks?|environments?|web\\s*sites?|portals?|platforms?|servers?|applications?|databases?|pages?)\\b';
/** What the one told of, further on in the sentence: an intrusion, not a price change. */
const OF_AN_INTRUSION = '[^.;]{0,160}\\b(?:unauthori[sz]ed|incident|attack|breach|ransomware|malware|compromis|intrusion|hack|threat\\s+actor|accessed|without\\s+authori[sz]ation)';
/** Vendors named by their business rather than as "vendor". */
const BUSINESS_VENDOR =
  '(?:(?:billing\\s+(?:and\\s+)?)?collections?\\s+(?:agenc(?:y|ies)|vendors?|firms?|compan(?:y|ies)|services?\\s+providers?)|billing\\s+(?:vendors?|compan(?:y|ies)|agenc(?:y|ies)|services?\\s+providers?)|business\\s+associates?|(?:payment|claims|card|payroll)\\s+processors?)';
/** Words of an event, one of which a vendor sentence needs to tell a vendor incident. */
const THIRD_PARTY_EVENT =
  /\b(?:incidents?|attack\w*|breach\w*|compromis\w*|unauthori[sz]ed|intrusions?|threat\s+actors?|exploit\w*|vulnerabilit\w*|ransomware|outages?|accessed|access|exfiltrat\w*|malware|hack\w*|events?|disrupt\w*|credentials|stolen|theft|brib\w*|paying|paid|recruit\w*|solicited|suspended|victim|affect\w*|impact\w*|experienc\w*|notified|update|patch|upgrade)\b/i;

interface Rule {
  flag: FlagName;
  re: RegExp;
  /** Skip the negation check (the phrase itself is specific enough). */
  noNegationCheck?: boolean;
  /** Sentences that must also match (context). */
  requires?: RegExp;
  /** Sentences that rule the match out. */
  excludes?: RegExp;
  /**
   * Matches that set the flag but say it only indirectly ("took systems offline" for a disruption):
   * a later sentence that states it outright becomes the evidence. Tested on the text from the
   * match on, so it can look past the match ("gained access to systems that contain data").
   */
  weak?: RegExp;
  /** Indirect too when the match itself ends so ("customer information was exposed"). */
  weakEnd?: RegExp;
}

const RULES: Rule[] = [
  {
    flag: 'ransomware',
    // Encryption of the company's data or systems; encrypted tunnels and encryption at rest protect.
    re: /\bransomware\b|\b(?:encrypt(?:ed|ing)|encryption\s+of)\s+(?:[\w’'-]+\s+){0,4}?(?:data|files?|systems?|servers?|devices?|networks?|environments?|applications?|machines|computers|endpoints|elements)\b|\bdeploy(?:ed|ment\s+of)\s+encryption\b|\b(?:data|files?|systems?|servers?|devices?|applications?)\b[^.;]{0,60}\b(?:were|was|had\s+been|have\s+been)\s+encrypted\b/gi,
    excludes: /\bencrypt\w*\s+(?:in\s+transit|at\s+rest)\b/i,
  },
  {
    flag: 'dataAccessed',
    weakEnd: /\b(?:exposed|compromised|disclosed)$/i,
    weak: /^(?:exposed|compromised|disclosed|made\s+available|(?:individuals|persons|people|patients)\b|credit\s+monitoring|unauthori[sz]ed\s+access\b(?!\s+to\s+(?:[\w-]+\s+){0,3}?(?:data|information|files|records)\b(?!\s+(?:technology|systems?)))|gained\s+access\s+to\s+(?:[\w’'-]+\s+){0,4}?(?:systems?|networks?|environments?)\s+(?:that|which)\s+(?:contain|store|hold|house))/i,
    re: /\bexfiltrat\w+|\b(?:unauthori[sz]ed|inadvertent)\s+(?:disclosure|acquisition)\s+of\b|\b(?:leak|theft|loss)\s+of\s+(?:\w+\s+){0,3}?data\b|\b(?:made\s+available|posted|published|leaked|disclosed|released|sold|offered\s+for\s+sale|appeared|surfaced|(?<!\b(?:any|no|possible|potential|for|for\s+the)\s+)(?:disclosure|publication|posting|release|sale))\s+(?:\w+\s+){0,2}?(?:on|to|in)\s+(?:the\s+|a\s+)?[“"']?dark[-\s]web\b|\bable\s+to\s+(?:obtain|access|acquire|steal|copy|exfiltrate)\b(?=\s+(?:[\w,-]+\s+){0,4}?(?:data|information|files|records)\b)|\bunauthori[sz]ed\s+access\s+to\s+(?:[\w-]+\s+){0,3}?(?:data|information(?!\s+(?:technology|systems?|environment|network|security))|files|records|e-?mails?)\b|\b(?:stole|stolen|theft\s+of|copied|acquired|obtained|accessed|gained\s+access\s+to|exposed|compromised|viewed|took(?!\s+(?:\w+\s+){0,6}?(?:steps|measures|actions?|precautions?)\b)|(?<!\b(?:steps|measures|actions?|precautions?)\s+(?:\w+\s+){0,3})taken(?!\s+(?:\w+\s+){0,6}?(?:steps|measures|actions?|precautions?)\b)|taking(?!\s+(?:\w+\s+){0,6}?(?:steps|measures|actions?|precautions?)\b)|downloaded|download|extracted|copy|copies\s+of|exfiltrate|acquire|obtain|view)\b(?=[^.;]{0,120}\b(?:data|information(?!\s+(?:technology|systems?|environment|network|security))|files?(?!\s+transfer)|records|e-?mails?|mailboxes|documents?|databases?|source\s+code|PII|account\s+(?:data|information)|customer\s+accounts|names?|addresses|Social\s+Security)\b)|\b(?:data|information(?!\s+(?:technology|systems?|environment|network|security))|files?(?!\s+transfer)|records|e-?mails?(?!\s+address)|mailboxes|documents?|source\s+code)\b[^.;]{0,160}\b(?:were|was|have\s+been|had\s+been|has\s+been|appear\s+to\s+have\s+been|to\s+have\s+been)\s+(?:\w+\s+)?(?:accessed|acquired|copied|stolen|taken|obtained|exposed|exfiltrated|extracted|downloaded|disclosed|compromised|viewed)\b|\b(?:data|information(?!\s+(?:technology|systems?|environment|network|security))|files|records|e-?mails?|documents)\s+(?:\w+\s+){0,2}?(?:stolen|exfiltrated|copied|taken|accessed|acquired|obtained|downloaded)\s+by\s+(?:the\s+|an?\s+)?(?:attackers?|threat\s+actors?|hackers?|intruders?|cyber[-\s]?criminals?|criminals?|unauthori[sz]ed\s+(?:third\s+)?(?:part(?:y|ies)|actors?|users?|individuals?))\b|\b(?:individuals|persons|people|patients)\s+(?:impacted|affected)\s+by\s+the\b|\b(?:malware|malicious\s+(?:code|software))\b[^.;]{0,120}?\bto\s+(?:access|capture|steal|collect|obtain|exfiltrate)\b(?=[^.;]{0,60}\b(?:data|information)\b)|\bcredit\s+monitoring\b(?=[^.;]{0,80}\b(?:impacted|affected)\s+(?:individuals|persons|patients|customers|members|employees)\b)|\bunauthori[sz]ed\s+access\b(?=[^.;]{0,100}\bsystems\s+(?:affecting|containing|storing|holding|that\s+(?:contain|store|hold))\s+(?:[\w-]+\s+){0,2}?(?:data|information)\b)/gi,
  },
  {
    // "The incident involved the acquisition and encryption of files" (Artivion's 8-K): the taking
    // of files told as a noun. "Acquisition" is also a deal, so only in a sentence about the
    // incident or its actor.
    flag: 'dataAccessed',
    re: /\b(?:acquisition|copying|removal|taking|downloading)\s+(?:and\s+(?:encryption|exfiltration|deletion|publication)\s+)?of\s+(?:certain\s+|some\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:data|files|information|records|documents|e-?mails)\b(?![\s-]+(?:technology|management|centers?|analytics|business\w*|compan\w+|assets|services|providers?|solutions|platforms?|systems?|processing|storage|capacity|firms?|vendors?))/gi,
    requires: /\b(?:incident|attack|intrusion|breach|threat\s+actors?|unauthori[sz]ed|attackers?|hackers?|cyber\w*)\b/i,
  },
  {
    flag: 'operationalDisruption',
    // Systems offline or inaccessible say the disruption only indirectly; what the business could not do says it outright.
    weak: /^(?:offline|off-line|inaccessible|isolat|shut|back\s+online|recover|suspend|systems\b|returned|disconnect|deactivat)/i,
    re: /\b(?:disrupt(?:ed|ion|ions|ing)|outages?|(?:production|operational|manufacturing|system|systems)\s+downtime|offline|off-line|inaccessible|inoperable|interrupt(?:ed|ion|ions)|shut(?:ting)?\s+down|halted|suspended\s+(?:operations|production|shipping|certain\s+systems)|suspend(?:ed|ing)\s+(?:all\s+|certain\s+|some\s+)?(?:of\s+)?(?:the\s+|its\s+|our\s+)?(?:affected\s+|impacted\s+|compromised\s+)?(?:[\w-]+\s+)?systems|suspension\s+of\s+(?:our\s+|its\s+|certain\s+)?(?:[\w-]+\s+)?(?:services|operations|production|shipping)|service\s+delays|delays\s+in\s+(?:processing|shipping|service|deliver\w*|production)|back\s+online|returned\s+to\s+(?:full|normal)\s+operations?|paus(?:ed|ing|e)\s+(?:[\w-]+\s+){0,3}?(?:operations|billing|production|shipping|shipments|services|processing|manufacturing|orders|ordering|sales|deliveries|payments|work)|(?:unable|not\s+able)\s+to\s+(?:process|fulfill|ship|accept|take|serve|operate|produce|deliver|manufacture)\b|(?:disconnect|deactivat)(?:ed|ing)\s+(?:or\s+\w+\s+)?(?:certain\s+(?:of\s+)?|some\s+(?:of\s+)?)?(?:its|our|the)?\s*(?:[\w-]+\s+)?systems|prevented\s+access|recover(?:ed|ing)\s+(?:the\s+)?(?:[\w’']+\s+){0,3}systems|isolat(?:ed|e|ing)\s+(?:the\s+|its\s+|our\s+)?(?:impacted\s+|affected\s+|certain\s+)?(?:[\w-]+\s+)?(?:systems|network|environment|operations)|(?<!results\s+of\s+)(?:operations|ability|services?|functions?|production|shipping|manufacturing|systems)\b[^.;]{0,60}\b(?:were|was|been|are|is|have|has)\s+(?:\w+\s+){0,2}?(?:impacted|affected|limited)|(?:impacted|affected|impacting|affecting)\b[^.;]{0,20}\b(?:operations|ability\s+to|functionality|functions))\b/gi,
  },
  {
    // Users shut out of the systems, or work moved to the fallback procedures hospitals keep for
    // downtime: "the Company suspended user access to its information technology applications"
    // (Universal Health Services, Tenet, Ardent), "are utilizing their established back-up
    // processes including offline documentation methods". Steps that imply the disruption: a later
    // sentence that states it is the better evidence.
    flag: 'operationalDisruption',
    weak: /^/,
    re: /\b(?:suspend(?:ed|ing)|disabl(?:ed|ing)|cut(?:ting)?\s+off|shut(?:ting)?\s+off|terminat(?:ed|ing))\s+(?:all\s+)?(?:user|employee|staff|network|remote|system)\s+(?:access|accounts?)\s+(?:to|for)\s+(?:[\w’'-]+\s+){0,4}?(?:systems?|applications?|networks?|servers?|environments?|platforms?|programs)\b|\b(?:utiliz|us|implement|activat|initiat|invok|revert|mov|switch|transition|rel(?:y|i|ying))\w*\s+(?:to\s+|on\s+)?(?:their|its|our|the)?\s*(?:established\s+|well-established\s+|existing\s+)?(?:back-?up|downtime|manual|paper[-\s]?based|paper|offline|off-line)\s+(?:[\w-]+\s+)?(?:procedures|processes|documentation|methods|workarounds|charting|records)\b/gi,
  },
  {
    // What a hospital could not do, told outright: patients or ambulances diverted, procedures or
    // appointments put off ("our facilities are rescheduling some non-emergent, elective procedures
    // and diverting some emergency room patients to other area hospitals", Ardent Health Services),
    // records or portals unavailable.
    flag: 'operationalDisruption',
    weakEnd: /unavailable$/i,
    re: /\b(?:divert(?:ed|ing)|re-?rout(?:ed|ing))\s+(?:some\s+|certain\s+|all\s+)?(?:of\s+(?:its|our|their)\s+)?(?:emergency\s+(?:room\s+|department\s+)?)?(?:patients|ambulances|ambulance\s+traffic)\b|\b(?:reschedul|postpon|cancel+|delay)(?:ed|ing)\s+(?:some\s+|certain\s+|a\s+number\s+of\s+)?(?:[\w-]+,?\s+){0,3}?(?:procedures|surgeries|appointments|patient\s+visits|treatments)\b|\b(?:procedures|surgeries|appointments|patient\s+visits|treatments)\s+(?:were|was|have\s+been|had\s+been|are\s+being)\s+(?:\w+\s+)?(?:rescheduled|postponed|canceled|cancelled|delayed)\b|\b(?:systems?|records?|applications?|portals?|platforms?|networks?|websites?|services)\s+(?:\w+\s+){0,3}?(?:(?:are|were|is|was|remain(?:s|ed)?|became|have\s+been|has\s+been)\s+(?:\w+\s+)?)unavailable\b/gi,
  },
  { flag: 'nationState', re: /\bnation[-\s]state\b|\bstate[-\s](?:sponsored|backed|affiliated|associated|actor)\b|\bgovernment[-\s](?:sponsored|backed|affiliated)\b|\bforeign\s+(?:government|intelligence)\s+(?:actor|agency|service)|\bAPT\s?\d+\b/gi },
  {
    flag: 'thirdParty',
    // The incident happened at, or came through, a vendor: not "an unauthorized third party".
    // The sentence tells an event: "security monitoring and threat hunting through a third-party
    // managed vendor" (Key Tronic's 10-K) describes the program, not an incident.
    requires: THIRD_PARTY_EVENT,
    re: /\b(?:incident|attack|breach|compromise|intrusion|event|vulnerabilit(?:y|ies)|outage)(?!\s+(?:response|management))\s+(?:\w+\s+){0,3}?(?:experienced\s+by|at|impacting|affecting|involving|on)\s+(?:a|an|one\s+of\s+(?:our|its)|our|its|the)\s+(?:[\w-]+\s+){0,4}?(?:vendors?|suppliers?|providers?|contractors?|subcontractors?|partners?|clearinghouses?)\b|\b(?:vendors?|suppliers?|service\s+providers?|third[-\s]party\s+(?:[\w-]+\s+)?(?:providers?|vendors?|clearinghouses?|processors?|administrators?|platforms?)|(?:our|its|the\s+Company['’]s)\s+(?:[\w-]+\s+){0,3}?providers?|contractors?|subcontractors?|clearinghouses?)\b[^.;]{0,120}\b(?:experienced|experiencing|suffered|notified\s+(?:us|the\s+Company|the\s+Registrant)|(?:was|were|had\s+been)\s+(?:compromised|breached|the\s+victim|attacked|impacted|affected)|suspended\s+(?:certain\s+)?systems)\b|\b(?:through|via)\s+(?:a|an|one\s+of\s+(?:our|its)|our|its)\s+(?:[\w-]+\s+){0,3}?(?:vendors?|suppliers?|service\s+providers?|contractors?)\b|\b(?:vendor|supplier|provider|contractor)['’]s\s+(?:systems?|environment|network|software|platform|credentials|user\s*name|login|password|account)\b|\b(?:systems?|networks?|environments?|platforms?|servers?|accounts?|credentials|log-?ins?)\s+(?:(?:stolen|taken|obtained)\s+)?(?:of|from|belonging\s+to)\s+(?:a|an|one\s+of\s+(?:our|its|the\s+Company['’]s)|our|its)\s+(?:[\w-]+\s+){0,3}?(?:vendors?|suppliers?|service\s+providers?|contractors?|subcontractors?|clearinghouses?)\b|\b(?:cloud|hosting|software|IT|technology|payroll|data)\s+(?:service\s+)?(?:providers?|vendors?)\s+(?:used|engaged|retained|relied\s+upon)\s+by\b|\b(?:informed|notified|advised)\s+(?:[\w,-]+\s+){0,6}?(?:of|about)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:breach|incident|attack|intrusion|compromise)\b[^.;]{0,80}?\b(?:by|from)\s+(?:its|our|the\s+Company['’]s|the\s+Organi[sz]ation['’]s|a|one\s+of\s+(?:its|our))\s+(?!(?:[\w-]+\s+){0,2}?(?:security|monitoring|forensic|cybersecurity)\b)(?:[\w-]+\s+){0,3}?(?:vendors?|service\s+providers?|suppliers?|providers?|contractors?)\b|\b(?:our|its|the\s+Company['’]s)\s+(?:[\w-]+\s+)?(?:vendors?|providers?|suppliers?)\s+(?:had\s+been|has\s+been|have\s+been|was|were)\s+(?:accessed|compromised|breached|attacked|hacked|infiltrated)\b|\b(?:systems?|environments?|platforms?|servers?|applications?)\s+(?:hosted|operated|managed|maintained|provided)\s+by\s+(?:(?:a|an|one\s+of\s+(?:our|its)|our|its)\s+)?(?:[\w-]+\s+){0,3}?(?:vendors?|suppliers?|providers?|contractors?)\b|\b(?:within|in|on|at|from)\s+(?:a|an|the|its|our)\s+third[-\s]party\s+(?:[\w-]+\s+){0,3}?(?:environment|platform|database|workspace|application|system|service|vendor|provider)\b|\b(?:paying|paid|bribed?|bribing|recruited|recruiting|solicited)\s+(?:\w+\s+){0,3}?(?:contractors|outsourced\s+\w+)\b|\bvulnerabilit(?:y|ies)\s+in\s+(?:the|a|an)\s+(?:third[-\s]party\s+)?(?:[\w’'-]+\s+){0,4}?(?:software|application|platform|tool)\b|\b(?:credentials|passwords?|log-?ins?|accounts?)\s+(?:[\w-]+\s+){0,2}?(?:obtained|stolen|taken|acquired|harvested|compromised)\s+(?:through|via|from|at)\s+(?:a|an|one\s+of\s+(?:our|its)|our|its|the)\s+(?:third[-\s]party\s+)?(?:[\w-]+\s+){0,2}?(?:vendors?|suppliers?|service\s+providers?|contractors?|subcontractors?|partners?)\b|\bthird[-\s]party[-\s](?:hosted|managed|operated)\b|\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?:software\s+)?(?:update|patch|upgrade)\s+(?:from|by|released\s+by|provided\s+by)\s+(?:a\s+(?:third[-\s]party\s+)?(?:vendor|supplier|provider)|[A-Z][\w&.-]*)|\b(?:on|in|within)\s+(?:a|an|the)\s+third[-\s]party\s+cloud\b|\b(?:associated\s+with|belonging\s+to|involving|at|experienced\s+by)\s+(?:a|an|one\s+of\s+(?:our|its|the\s+Company['’]s))\s+third[-\s]party\s+(?:[\w-]+\s+)?(?:contractors?|vendors?|providers?|suppliers?|law\s+firms?|partners?)\b|\b(?:systems?|software|services|applications?|platforms?)\s+(?:\w+\s+){0,2}?(?:provided|supplied|hosted|licensed)\s+(?:to\s+(?:us|the\s+Company|the\s+Registrant)\s+)?by\s+[A-Z][\w&.-]*/gi,
  },
  {
    // A named company told the registrant of an intrusion into its own system: "AMCA had informed
    // the Company and Optum360 LLC that an unauthorized user had access to AMCA’s system", "has been
    // notified by … (AMCA) about unauthorized activity on AMCA’s web payment page". The one that
    // informed is the one whose system was entered: the incident happened at a company serving the
    // registrant, whatever the text calls it. (The registrant's own "Company" is never the name.)
    flag: 'thirdParty',
    re: new RegExp(
      `\\b(?!(?:The|We|It|They|This|Company|Registrant)\\b)([A-Z][A-Za-z0-9&-]{1,40})(?:\\s+[A-Z][\\w&.,-]*){0,4}[”"’)\\s]{0,4}\\s(?:had\\s+|has\\s+|have\\s+)?${INFORMED}\\s+(?:${REGISTRANT}|(?!(?:FBI|Federal|Department|Attorneys?|Secret)\\b)[A-Z][\\w&.-]*)\\b[^;]{0,200}?\\b\\1['’]s\\s+${OWN_SYSTEM}` +
        `|\\b${INFORMED}\\s+by\\s+[^;]{0,160}?\\b(?!(?:The|We|It|They|This|Company|Registrant)\\b)([A-Z][A-Za-z0-9&-]{1,40})\\b[^;]{0,200}?\\b\\2['’]s\\s+${OWN_SYSTEM}`,
      'g',
    ),
    requires: /\b(?:informed|notified|advised|alerted|told)\b/,
  },
  {
    // A vendor named by its business (a billing or collection agency, a HIPAA business associate, a
    // payment processor) that was attacked or told the registrant so ("one of its billing
    // collections vendors … alerted Quest"); and any vendor that told the registrant of an attack
    // on itself ("a vendor informed us that its systems had been accessed").
    flag: 'thirdParty',
    re: new RegExp(
      `\\b${BUSINESS_VENDOR}\\b[^.;]{0,120}?\\b(?:experienced|experiencing|suffered|(?:had\\s+|has\\s+)?${INFORMED}\\s+${REGISTRANT}(?=${OF_AN_INTRUSION})|(?:was|were|had\\s+been)\\s+(?:compromised|breached|the\\s+victim|attacked|impacted|affected|hacked))\\b` +
        `|\\b(?:vendors?|suppliers?|service\\s+providers?|contractors?)\\b[^.;]{0,80}?\\b(?:had\\s+|has\\s+)?${INFORMED}\\s+${REGISTRANT}\\s+(?:[^.;]{0,40}?\\s)?that\\s+(?:it|its|they|their)\\s+(?:[\\w-]+\\s+){0,3}?(?:had|has|have|was|were|experienced|suffered|systems?|networks?|environments?|platforms?)\\b(?=${OF_AN_INTRUSION})` +
        `|\\b${BUSINESS_VENDOR}\\s+(?:used|engaged|retained|utilized)\\s+by\\b(?=${OF_AN_INTRUSION})`,
      'gi',
    ),
  },
  {
    // An incident that came through a supplier's software (MOVEit, CDK, Snowflake): a customer's
    // account of it, not the software maker's own (Progress writes "our MOVEit Transfer").
    flag: 'thirdParty',
    re: /\b(?:MOVEit|CDK\s+Global|CDK|Snowflake|Accellion|Kaseya|Cleo|Salesloft|Blackbaud)\b(?=(?:[^.;]|\.(?=[,\d])){0,160}\b(?:[Ii]ncident|(?:[Cc]yber-?)?[Aa]ttack|[Bb]reach|[Oo]utage|[Cc]ompromis\w*)\b|\s+software\b)/g,
    requires: /^[\s\S]{60}/,
    excludes: /\b(?:[Oo]ur|[Ii]ts)\s+(?:[\w-]+\s+)?(?:MOVEit|CDK|Snowflake|Accellion|Kaseya|Cleo|Salesloft|Blackbaud)\b/,
  },
  {
    flag: 'lawEnforcementNotified',
    re: /\b(?:[Ll]aw\s+[Ee]nforcement|Federal\s+Bureau\s+of\s+Investigations?|FBI|U\.?S\.?\s+Secret\s+Service|[Pp]olice|Department\s+of\s+Justice|DOJ|CISA|Cybersecurity\s+and\s+Infrastructure\s+Security\s+Agency)\b/g,
    // Notified, reported, working with: done, not what a plan says the company would do.
    requires: /\b(?:notified|been\s+notified|reported|contacted|informed|alerted|engaged|consulted|reached\s+out|(?:is|are|was|were|has\s+been|have\s+been|remains?)\s+(?:\w+\s+){0,2}?(?:working|cooperating|coordinating|communicating|engaged|in\s+contact|collaborating|assisting)|engagement\s+with|in\s+(?:close\s+|regular\s+)?(?:communication|contact|coordination|cooperation)\s+with|communicat(?:ed|ing)\s+with|working\s+(?:closely\s+)?with|cooperat(?:ed|ing)|coordinat(?:ed|ing)\s+with|in\s+collaboration\s+with|with\s+the\s+assistance\s+of|assist(?:ed|ing)|investigat(?:ed|ing)|(?:is|are|was|were|remains?)\s+(?:currently\s+|now\s+)?under\s+investigation\s+by|(?:FBI|authorities|law\s+enforcement)\s+(?:was|were|is|are|has|have)\b|\b(?:included|including)\b[^.;]{0,160}\bnotifying|\b(?:took|has\s+taken|have\s+taken|immediately|promptly)\b[^.;]{0,160}\bnotifying|together\s+with|(?:has|have)\s+worked|support(?:ing|ed|s)\s+(?:\w+\s+){0,2}?(?:law\s+enforcement|FBI|authorities)|filed\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:report|complaint)\s+with|(?:on|at|upon|following)\s+the\s+(?:advice|request|direction|guidance)\s+of)/i,
    // Case-sensitive: "may" the modal, not May the month.
    excludes:
      /\b(?:[Ww]ould|may|[Ww]ill|[Mm]ight|[Cc]ould|[Ss]hould|[Ss]hall|intends?\s+to|plans?\s+to|expects?\s+to)\s+(?:\w+\s+){0,3}?(?:notify|report|contact|inform|engage|coordinate|cooperate|work|alert|consult|involve|include|communicate|delay|defer|file|be\s+(?:notified|contacted|informed|involved|delayed))\b|\b(?:[Aa]s\s+(?:appropriate|needed|necessary)|[Ii]n\s+the\s+event|[Ii]f\s+(?:we|an?|the)|[Ss]uch\s+as)\b/,
  },
  {
    // "The authorities have closed this investigation": bare "the authorities" investigating the
    // incident are law enforcement (regulators are named as such).
    flag: 'lawEnforcementNotified',
    re: /\b[Tt]he\s+authorities\s+(?:have|has|had|are|were)\s+(?:\w+\s+)?(?:closed|concluded|completed|opened|launched|commenced|conducting|investigating)\b/g,
  },
  {
    // Item 1.05(c): the Attorney General (the Department of Justice) determined that disclosure
    // would pose a substantial risk to national security or public safety, so the report was
    // delayed. Stated as done, not as what the rule permits or a plan would do ("the CLO may
    // contact the US attorney general for a disclosure delay", Tyler's 10-K), nor denied ("nor that
    // a delay under Item 1.05(c) was warranted"). "Item 1.05(c)" carries a period: only a period
    // before a digit stays inside the clause.
    flag: 'disclosureDelayed',
    re: /\b(?:Attorney\s+General|Department\s+of\s+Justice|DOJ)\b(?:[^.;]|\.(?=\d)){0,200}?\b(?:determined|concluded|granted|authori[sz]ed|approved|agreed|extended)\b(?:[^.;]|\.(?=\d)){0,200}?\b(?:delay\w*|national\s+security|public\s+safety)\b|\bdelay\w*\b(?:[^.;]|\.(?=\d)){0,120}?\b(?:was|were|had\s+been|has\s+been)\s+(?:warranted|granted|authori[sz]ed|approved)\b|\bdelay\w*\s+(?:was\s+|had\s+been\s+)?(?:granted|authori[sz]ed|approved|requested)\s+by\s+(?:the\s+)?(?:U\.S\.\s+)?(?:Attorney\s+General|Department\s+of\s+Justice|DOJ)\b|\b(?:delayed|deferred)\s+(?:the\s+|its\s+|our\s+|this\s+)?(?:public\s+)?(?:disclosure|filing|report\w*)\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:pursuant\s+to|under|in\s+reliance\s+on|in\s+accordance\s+with)\s+Item\s+1\.05\(c\)|\bdelay(?:ed)?\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:pursuant\s+to|in\s+(?:reliance\s+on|accordance\s+with)|based\s+(?:up)?on|following)\s+(?:a|the)\s+(?:written\s+)?determination\s+(?:of|by)\s+(?:the\s+)?(?:U\.S\.\s+)?(?:Attorney\s+General|Department\s+of\s+Justice|DOJ)\b/gi,
    // What the rule allows, a plan or a condition; case-sensitive "may" (May the month dates a
    // determination). Not "would": "determined that disclosure would pose a substantial risk".
    excludes:
      /\b(?:[Ii]f|[Uu]nless|[Ii]n\s+the\s+event|[Ww]hether|may|[Mm]ight|[Cc]ould|[Ww]ill|[Cc]an|[Ss]hall|[Ss]hould|permit\w*|allow\w*|provides?\s+(?:for|that)|up\s+to\s+\d+\s+days|only\s+(?:if|where|when))\b/,
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

/**
 * Words that make a statement tentative ("appear to have been stolen", "may have obtained"): it
 * still sets the flag, but a sentence that states the fact outright is the better evidence.
 */
const TENTATIVE = /\b(?:appears?|appeared|seems?|seemed|may\s+have|might\s+have|possibly|believed|believes|suspected|likely|expects?\s+to|anticipates?\s+to)\b/i;

/** How plainly a match states its flag: 3 outright, 2 tentatively, 1 only indirectly. */
function plainness(rule: Rule, fromMatch: string, match: string, clause: string, headline: boolean): 1 | 2 | 3 {
  if (rule.weak?.test(fromMatch) || rule.weakEnd?.test(match)) return 1;
  return headline || TENTATIVE.test(clause.slice(-80)) || TENTATIVE.test(match) ? 2 : 3;
}

/**
 * A title line ("Montrose Environmental Group Issues Statement on Ransomware Attack"): no closing
 * stop, most longer words capitalised. It names the fact; the body's sentence tells it.
 */
export function isHeadline(text: string): boolean {
  if (/[.!?:;]["”’)]?\s*$/.test(text)) return false;
  const words = text.match(/[A-Za-z][\w’'-]{3,}/g) ?? [];
  return words.length >= 3 && words.filter((w) => /^[A-Z]/.test(w)).length >= 0.7 * words.length;
}

export function extractFlags(sentences: readonly Sentence[]): FlagResult {
  const flags = emptyFlags();
  const evidence: FlagResult['evidence'] = {};
  /** How plainly each flag's evidence states it; the first sentence that states it outright wins. */
  const rank: Partial<Record<FlagName, number>> = {};
  for (const s of sentences) {
    // "third‑party" is often written with a non-breaking hyphen; the same length keeps offsets.
    const t = s.text.replace(/[\u2010\u2011]/g, '-');
    // "determined that disclosure would pose a substantial risk to national security": the
    // rule's own wording reads as risk text; the delay rule rules out plans and conditions itself.
    const generic = isGenericRisk(t);
    let headline: boolean | undefined;
    for (const rule of RULES) {
      if (generic && rule.flag !== 'disclosureDelayed') continue;
      if ((rank[rule.flag] ?? 0) >= 3) continue;
      if (rule.requires && !rule.requires.test(t)) continue;
      rule.re.lastIndex = 0;
      // The plainest match of the sentence: "shutting down systems, which resulted in disruption".
      let best = 0;
      for (let m = rule.re.exec(t); m && best < 3; m = rule.re.exec(t)) {
        const before = t.slice(Math.max(0, m.index - 160), m.index);
        const clause = governingClause(before);
        // "do not believe that any risks, including as a result of the May 2023 ransomware incident,
        // have materially affected us": the denial is of the impact; the name states the fact.
        const named = rule.flag === 'ransomware' && NAME_BEFORE.test(before) && NAME_AFTER.test(t.slice(m.index + m[0].length));
        if (named && DOUBT.test(before)) continue;
        if (rule.flag === 'ransomware' && /^encrypted\b/i.test(m[0]) && TAKEN_BEFORE_ENCRYPTED.test(before)) continue;
        if (!rule.noNegationCheck && !named) {
          if (NEGATION.test(clause) || DOUBT.test(before) || HEDGE.test(clause.slice(-40)) || GENERIC_LIST_BEFORE.test(before)) continue;
          // "systems, such threats have not materially affected" or "data was potentially
          // accessed": the denial or doubt sits inside the match.
          if (/\b(?:not|no|never|potentially|whether|if)\b/i.test(m[0])) continue;
          // "revealed potential unauthorized access to servers containing personal information": an
          // adjective that makes the fact a possibility, or an attempt, right before it.
          // (A "suspected nation-state" actor is still an attribution.)
          if (rule.flag === 'dataAccessed' && /\b(?:potential|possible|suspected|attempted|apparent)\s+$/i.test(before)) continue;
        }
        if (rule.excludes && (rule.excludes.test(before) || rule.excludes.test(t.slice(0, m.index + m[0].length)))) continue;
        best = Math.max(best, plainness(rule, t.slice(m.index, m.index + 200), m[0], clause, (headline ??= isHeadline(t))));
      }
      if (best > (rank[rule.flag] ?? 0)) {
        rank[rule.flag] = best;
        evidence[rule.flag] = s.text;
        flags[rule.flag] = true;
      }
    }
  }
  return { flags, evidence };
}
