// How far an analysis can be trusted, and whether a person should check it. `confidence` grades
// the evidence behind the incident call; `review` is raised only for borderline calls and for
// signals that contradict each other, so that the flag stays rare enough to act on.

import type { IncidentEvidence } from './classify.ts';

export interface Signals {
  incident: boolean;
  periodic: boolean;
  /** The filing carries Item 1.05 (its header, a heading or tagged cyd blocks): an incident by definition. */
  item105: boolean;
  /** cyd: Item 1.05 text blocks were tagged. */
  tagged: boolean;
  /** The carrier's evidence for the incident call. */
  evidence: readonly IncidentEvidence[];
  /** One of the reporting sentences is dated. */
  dated: boolean;
  /** The text has cyber vocabulary at all. */
  cyberText: boolean;
  /** Sentences worded like a specific (dated or definite) event that were set aside as hedged or denied. */
  setAside: number;
  /** The text says the event was not a cyberattack, or that no incident occurred. */
  denial: boolean;
  /** The 8-K item found for the incident, null when none could be told. */
  item: string | null;
  /** The text states the incident's impact both material and not material. */
  materialityConflict: boolean;
  /** Sentences of a negative that name a particular incident ("the incident", "the Data Breach"). */
  mentions: number;
  /** Sentences of a negative without cyber words worded like an event (data taken from its systems). */
  plainNearMisses?: number;
}

export interface Assessment {
  confidence: number;
  review: boolean;
}

/** Below this confidence an incident call is borderline. */
const BORDERLINE = 0.85;

export function assess(s: Signals): Assessment {
  const reported = s.evidence.some((e) => !e.reference);
  const referenced = s.evidence.some((e) => e.reference === true);
  const actor = s.evidence.some((e) => e.actor === true);
  let confidence: number;
  // Reported only in plain words, with no cyber word in any reporting sentence.
  const plainOnly = reported && s.evidence.every((e) => e.reference === true || e.plain === true);
  const followUpOnly = s.evidence.length > 0 && s.evidence.every((e) => e.followUp === true);
  if (s.incident) {
    if (s.item105) confidence = reported ? 0.98 : 0.96;
    // "Data also was taken from the Company's network": an incident by its deed, but not one word
    // says it was an attack; a person should check.
    else if (plainOnly) confidence = s.dated ? 0.8 : 0.75;
    // Named only inside a follow-up ("this cyberattack" in its materiality sentence): the amendment
    // or the pointer back says there was an incident, but no sentence here reports it.
    else if (followUpOnly) confidence = 0.85;
    // Told only inside hedged risk text: an attribution stated plainly, but among possibilities.
    else if (reported && s.evidence.every((e) => e.reference === true || e.hedged === true)) confidence = 0.85;
    else if (reported && (s.dated || actor)) confidence = 0.95;
    // Undated, with no intruder's deed, the report is weaker unless the text also names the
    // incident: a 10-K's risk text tells events in general terms ("we identified unauthorized
    // access to our systems"), an earnings release speaks of a known attack's costs.
    else if (reported) confidence = referenced ? 0.9 : s.periodic ? 0.8 : 0.85;
    // Named only ("other than the Cyber Incident", "the Data Breach" with its costs).
    else confidence = s.periodic ? 0.85 : 0.8;
    if (s.tagged) confidence = Math.min(0.99, confidence + 0.01);
  } else if (!s.cyberText) confidence = (s.plainNearMisses ?? 0) > 0 ? 0.8 : 0.99;
  // A negative whose text names a particular incident, or tells one in words that were set aside.
  else confidence = s.setAside > 0 || s.mentions > 0 ? 0.8 : 0.95;

  const conflicting =
    (s.incident && s.denial) ||
    // An 8-K reporting an incident under no item that can be told.
    (s.incident && !s.periodic && s.item === null) ||
    s.materialityConflict;
  return { confidence, review: confidence < BORDERLINE || conflicting };
}
