// The titles EDGAR prints for Form 8-K item numbers (the analyzer's table), for the getcurrent feed's
// `Item N.NN: Title` lines and the index page. The reverse direction — header titles
// (`ITEM INFORMATION:\t\tOther Events`) to numbers — is the analyzer's itemNumberForTitle.

import { FORM_8K_ITEMS } from '../analysis/item-titles.ts';

const TITLE_BY_CODE = new Map(FORM_8K_ITEMS);

export function itemTitle(code: string): string | undefined {
  return TITLE_BY_CODE.get(code);
}
