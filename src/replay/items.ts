// Form 8-K item numbers and the titles EDGAR prints for them.
//
// Used twice: the getcurrent feed writes `Item N.NN: Title` lines from the numbers, and the
// complete-submission header writes items by *title* (`ITEM INFORMATION:\t\tOther Events`), so the
// replay server needs the reverse map to know which numbers a filing carries.
//
// Titles marked [REAL] appear verbatim in the saved getcurrent pages or SGML headers of the corpus
// (note the ":" before "Compensatory" in 5.02, which is EDGAR's, not a typo of ours). The others are
// the Form 8-K item captions as we remember EDGAR printing them [MEM]; the real-feed test checks
// every item title that occurs in the saved pages against this table.
const ITEM_TITLES: ReadonlyArray<readonly [string, string]> = [
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
  ['7.01', 'Regulation FD Disclosure'], // [REAL]
  ['8.01', 'Other Events'], // [REAL]
  ['9.01', 'Financial Statements and Exhibits'], // [REAL]
];

const TITLE_BY_CODE = new Map(ITEM_TITLES);

/** Titles drift slightly between filings (case, singular/plural, spacing), so match loosely. */
function normalizeTitle(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').replace(/s\b/g, '').trim();
}

const CODE_BY_TITLE = new Map(ITEM_TITLES.map(([code, title]) => [normalizeTitle(title), code]));

export function itemTitle(code: string): string | undefined {
  return TITLE_BY_CODE.get(code);
}

/** The item number for a header title, or undefined when the title is not a known 8-K item. */
export function itemCodeForTitle(title: string): string | undefined {
  return CODE_BY_TITLE.get(normalizeTitle(title));
}

export function knownItemCodes(): string[] {
  return ITEM_TITLES.map(([code]) => code);
}
