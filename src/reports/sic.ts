// SIC divisions (the Standard Industrial Classification manual's top level), from the four-digit
// code EDGAR records for each registrant. The named sector sets (telecom, …) are finer and live
// with the companies; the division is what every company has.

export interface SicDivision {
  code: string;
  name: string;
  /** Inclusive range of the codes' first two digits. */
  from: number;
  to: number;
}

export const SIC_DIVISIONS: readonly SicDivision[] = [
  { code: 'A', name: 'Agriculture, Forestry and Fishing', from: 1, to: 9 },
  { code: 'B', name: 'Mining', from: 10, to: 14 },
  { code: 'C', name: 'Construction', from: 15, to: 17 },
  { code: 'D', name: 'Manufacturing', from: 20, to: 39 },
  { code: 'E', name: 'Transportation, Communications, Electric, Gas and Sanitary Services', from: 40, to: 49 },
  { code: 'F', name: 'Wholesale Trade', from: 50, to: 51 },
  { code: 'G', name: 'Retail Trade', from: 52, to: 59 },
  { code: 'H', name: 'Finance, Insurance and Real Estate', from: 60, to: 67 },
  { code: 'I', name: 'Services', from: 70, to: 89 },
  { code: 'J', name: 'Public Administration', from: 91, to: 97 },
  { code: 'K', name: 'Nonclassifiable Establishments', from: 99, to: 99 },
  { code: 'Unknown', name: 'No SIC code on record', from: -1, to: -1 },
];

const UNKNOWN = SIC_DIVISIONS.at(-1)!;

/** The division of a SIC code (`7372` → I, Services); Unknown for none or a code outside the manual. */
export function sicDivision(sic: string | null | undefined): SicDivision {
  if (!sic || !/^\d{3,4}$/.test(sic.trim())) return UNKNOWN;
  const major = Math.floor(Number(sic.trim().padStart(4, '0')) / 100);
  return SIC_DIVISIONS.find((d) => major >= d.from && major <= d.to) ?? UNKNOWN;
}
