// Form 8-K items and their official titles. The SGML header names most items by title only
// ("Regulation FD Disclosure"), and some filings head a section with the title and no number,
// so both directions are needed.

// Titles marked [REAL] appear verbatim in the saved getcurrent pages or SGML headers of the corpus
// (note the ":" before "Compensatory" in 5.02, which is EDGAR's, not a typo of ours). The others are
// the Form 8-K item captions as we remember EDGAR printing them [MEM]; the real-feed test checks
// every item title that occurs in the saved pages against this table.
export const FORM_8K_ITEMS: ReadonlyArray<readonly [string, string]> = [
  ['1.01', 'Entry into a Material Definitive Agreement'], // [REAL]
  ['1.02', 'Termination of a Material Definitive Agreement'], // [REAL]
  ['1.03', 'Bankruptcy or Receivership'],
  ['1.04', 'Mine Safety - Reporting of Shutdowns and Patterns of Violations'],
  // EDGAR's header writes 1.05 as `<ITEMS>1.05` with no title; the feed's rendering of it is
  // unconfirmed (EDGAR.md §1), so the feed uses the Form 8-K caption.
  ['1.05', 'Material Cybersecurity Incidents'],
  ['2.01', 'Completion of Acquisition or Disposition of Assets'], // [REAL]
  ['2.02', 'Results of Operations and Financial Condition'], // [REAL]
  ['2.03', 'Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant'], // [REAL]
  ['2.04', 'Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement'],
  ['2.05', 'Costs Associated with Exit or Disposal Activities'],
  ['2.06', 'Material Impairments'],
  ['3.01', 'Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing'],
  ['3.02', 'Unregistered Sales of Equity Securities'], // [REAL]
  ['3.03', 'Material Modifications to Rights of Security Holders'], // [REAL]
  ['4.01', "Changes in Registrant's Certifying Accountant"],
  ['4.02', 'Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review'],
  ['5.01', 'Changes in Control of Registrant'],
  ['5.02', 'Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers: Compensatory Arrangements of Certain Officers'], // [REAL]
  ['5.03', 'Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year'], // [REAL]
  ['5.04', "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"],
  ['5.05', "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics"],
  ['5.06', 'Change in Shell Company Status'],
  ['5.07', 'Submission of Matters to a Vote of Security Holders'], // [REAL] (index-headers sample)
  ['5.08', 'Shareholder Director Nominations'],
  ['6.01', 'ABS Informational and Computational Material'],
  ['6.02', 'Change of Servicer or Trustee'],
  ['6.03', 'Change in Credit Enhancement or Other External Support'],
  ['6.04', 'Failure to Make a Required Distribution'],
  ['6.05', 'Securities Act Updating Disclosure'],
  ['6.06', 'Static Pool'],
  ['6.10', 'Alternative Filings of Asset-Backed Issuers'],
  ['7.01', 'Regulation FD Disclosure'], // [REAL]
  ['8.01', 'Other Events'], // [REAL]
  ['9.01', 'Financial Statements and Exhibits'], // [REAL]
];

export const FORM_8K_ITEM_NUMBERS: ReadonlySet<string> = new Set(FORM_8K_ITEMS.map(([n]) => n));

/** Lower-case, letters and digits only: titles drift in punctuation, case and plurals. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/&amp;|&/g, 'and')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(incidents|events|disclosures|statements|exhibits)\b/g, (w) => w.slice(0, -1))
    .trim();
}

const BY_TITLE = new Map<string, string>(FORM_8K_ITEMS.map(([n, t]) => [titleKey(t), n]));
// Wordings seen in EDGAR headers and filings that differ from the rule's titles.
for (const [alias, n] of [
  ['Material Cybersecurity Incident', '1.05'],
  ['Cybersecurity Incidents', '1.05'],
  ['Other Event', '8.01'],
  ['Regulation FD', '7.01'],
  ['Financial Statements and Exhibit', '9.01'],
  ['Results of Operations and Financial Conditions', '2.02'],
  ['Departure of Directors or Principal Officers; Election of Directors; Appointment of Principal Officers', '5.02'],
  ['Amendments to the Registrants Code of Ethics, or Waiver of a Provision of the Code of Ethics', '5.05'],
] as const) {
  BY_TITLE.set(titleKey(alias), n);
}

/** The item number for an 8-K item title, or null when the title is not one we know. */
export function itemNumberForTitle(title: string): string | null {
  const key = titleKey(title);
  const exact = BY_TITLE.get(key);
  if (exact) return exact;
  // Long titles are often abbreviated or cut ("Departure of Directors or Certain Officers; …").
  if (key.length >= 12) {
    for (const [k, n] of BY_TITLE) {
      if (k.startsWith(key) || key.startsWith(k)) return n;
    }
  }
  return null;
}
