// Form 8-K item numbers and the titles EDGAR prints for them (one table, the analyzer's).
//
// Used twice: the getcurrent feed writes `Item N.NN: Title` lines from the numbers, and the
// complete-submission header writes items by *title* (`ITEM INFORMATION:\t\tOther Events`), so the
// replay server needs the reverse map to know which numbers a filing carries.

import { FORM_8K_ITEMS as ITEM_TITLES } from '../analysis/item-titles.ts';

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
