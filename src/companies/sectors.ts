// Sectors: named sets of SIC codes (the Standard Industrial Classification EDGAR assigns each
// registrant, `sic` in its submissions JSON and `STANDARD INDUSTRIAL CLASSIFICATION` in the SGML
// header). A sector is a list of inclusive code ranges; sectors may overlap (a health insurer is in
// both `insurance` and `healthcare`), so a company has any number of them. The ranges follow the
// SIC divisions and major groups (two-digit groups 01-99, four-digit industries within them) as the
// SEC's code list uses them. Changing a range changes which incidents a `sector` filter returns:
// treat this file as data users rely on, and say why in the commit.

export interface Sector {
  /** The name used in `?sector=` and returned in each incident's `sectors`. */
  name: string;
  title: string;
  description: string;
  /** Inclusive ranges of four-digit SIC codes, e.g. `[4812, 4813]`. */
  ranges: ReadonlyArray<readonly [number, number]>;
}

const code = (c: number): readonly [number, number] => [c, c];

export const SECTORS: readonly Sector[] = [
  {
    // Carriers (48 Communications, less broadcasting and cable TV) and the makers of the equipment
    // they run: telephone apparatus (3661), radio and communications equipment (3663, 3669) and
    // computer networking gear (3576). The Item 1.05(d) FCC CPNI delay applies to carriers.
    name: 'telecom',
    title: 'Telecommunications',
    description: 'Carriers (telephone, wireless, telegraph, other communications services) and communications equipment makers.',
    ranges: [code(3576), code(3661), code(3663), code(3669), [4812, 4813], code(4822), code(4899)],
  },
  {
    // Depository institutions: major group 60 (commercial banks, savings institutions, credit
    // unions, functions related to depository banking).
    name: 'banking',
    title: 'Banking',
    description: 'Banks, savings institutions and credit unions (SIC 60xx).',
    ranges: [[6000, 6099]],
  },
  {
    // Non-depository credit (61: consumer and business lenders, mortgage bankers), security and
    // commodity brokers, dealers and exchanges (62), and holding and investment offices (67,
    // without the REITs of 6798, which are real estate).
    name: 'financial-services',
    title: 'Financial services',
    description: 'Lenders, mortgage bankers, brokers, dealers, exchanges, asset managers and holding offices (SIC 61xx, 62xx, 67xx except REITs).',
    ranges: [[6100, 6299], [6700, 6797], code(6799)],
  },
  {
    // Insurance carriers (63: life, accident and health, hospital and medical service plans,
    // property and casualty, surety, title) and agents and brokers (64).
    name: 'insurance',
    title: 'Insurance',
    description: 'Insurance carriers (life, health, property and casualty, title) and insurance agents and brokers (SIC 63xx-64xx).',
    ranges: [[6300, 6499]],
  },
  {
    // Health services (80: hospitals, physicians, labs, nursing), drugs and biologicals
    // (2833-2836), medical devices and instruments (3841-3845, 3851 ophthalmic goods), medical
    // wholesale (5047 medical equipment, 5122 drugs), and hospital and medical service plans
    // (6324: health insurers such as UnitedHealth, in insurance too).
    name: 'healthcare',
    title: 'Healthcare',
    description: 'Health services, pharmaceuticals and biotech, medical devices, medical distributors and health plans.',
    ranges: [[2833, 2836], [3841, 3845], code(3851), code(5047), code(5122), code(6324), [8000, 8099]],
  },
  {
    // Computer programming, data processing and other computer related services (737x):
    // prepackaged software (7372), integrated systems design (7373), data processing and hosting
    // (7374).
    name: 'software',
    title: 'Software and IT services',
    description: 'Software publishers, computer programming, systems integration, data processing and hosting (SIC 737x).',
    ranges: [[7370, 7379]],
  },
  {
    // Semiconductors and related devices (3674), printed circuit boards (3672) and other electronic
    // components (3670-3679). The machinery that makes chips sits in 3559 with every other special
    // industry machine: too broad to include.
    name: 'semiconductors',
    title: 'Semiconductors and electronic components',
    description: 'Semiconductors and related devices, printed circuit boards and other electronic components (SIC 367x).',
    ranges: [[3670, 3679]],
  },
  {
    // Computer and office equipment (357x: computers, storage, terminals, peripherals, networking).
    name: 'hardware',
    title: 'Computer hardware',
    description: 'Computers, storage devices, terminals, peripherals and computer communications equipment (SIC 357x).',
    ranges: [[3570, 3579]],
  },
  {
    // Division G, retail trade (52-59): building materials, general merchandise, food stores, auto
    // dealers and gas stations, apparel, furniture, eating places, catalog and online retail.
    name: 'retail',
    title: 'Retail',
    description: 'Retail trade: stores, restaurants, auto dealers, catalog and online retailers (SIC 52xx-59xx).',
    ranges: [[5200, 5999]],
  },
  {
    // Division F, wholesale trade (50-51): distributors of durable and non-durable goods.
    name: 'wholesale',
    title: 'Wholesale and distribution',
    description: 'Wholesale distributors of durable and non-durable goods (SIC 50xx-51xx).',
    ranges: [[5000, 5199]],
  },
  {
    // Coal mining (12), oil and gas extraction and field services (13), petroleum refining (29),
    // pipelines except natural gas (46), petroleum wholesale (5171-5172).
    name: 'energy',
    title: 'Energy',
    description: 'Coal, oil and gas producers and field services, refiners, pipelines and petroleum distributors.',
    ranges: [[1200, 1399], [2900, 2999], [4600, 4699], [5171, 5172]],
  },
  {
    // Electric, gas and sanitary services (49): electric, gas, water, steam and combined utilities,
    // natural gas transmission, sewerage and refuse systems, cogeneration.
    name: 'utilities',
    title: 'Utilities',
    description: 'Electric, gas and water utilities, gas transmission, steam, sanitary and refuse services (SIC 49xx).',
    ranges: [[4900, 4999]],
  },
  {
    // Division D, manufacturing (20-39): every manufacturing major group, so it also holds the
    // equipment makers of `telecom`, `semiconductors`, `hardware` and parts of `healthcare`.
    name: 'manufacturing',
    title: 'Manufacturing',
    description: 'Every manufacturing industry (SIC 20xx-39xx): food, chemicals, metals, machinery, electronics, vehicles, instruments.',
    ranges: [[2000, 3999]],
  },
  {
    // Transportation (40-47): railroads, trucking and warehousing, water and air transportation,
    // transportation services. Pipelines (46) are in energy as well.
    name: 'transportation',
    title: 'Transportation and logistics',
    description: 'Railroads, trucking, warehousing, shipping, airlines, pipelines and freight arrangement (SIC 40xx-47xx).',
    ranges: [[4000, 4799]],
  },
  {
    // Publishing (2710-2790), broadcasting and cable (4830-4841), motion pictures (78) and
    // amusement and recreation (79).
    name: 'media',
    title: 'Media and entertainment',
    description: 'Publishers, radio and television broadcasters, cable television, film and entertainment.',
    ranges: [[2710, 2799], [4830, 4841], [7800, 7999]],
  },
  {
    // Real estate (65) and real estate investment trusts (6798).
    name: 'real-estate',
    title: 'Real estate',
    description: 'Real estate operators, developers, agents and real estate investment trusts (SIC 65xx, 6798).',
    ranges: [[6500, 6599], code(6798)],
  },
];

export const SECTOR_NAMES = SECTORS.map((s) => s.name);

const BY_NAME = new Map(SECTORS.map((s) => [s.name, s]));

export function sector(name: string): Sector | undefined {
  return BY_NAME.get(name);
}

/** A SIC code as a number, or null when it is not a three- or four-digit code. */
export function sicNumber(sic: string | null | undefined): number | null {
  return sic && /^\d{3,4}$/.test(sic.trim()) ? Number(sic) : null;
}

/** The sectors whose ranges hold `sic`, in the order of SECTORS. */
export function sectorsOf(sic: string | null | undefined): string[] {
  const n = sicNumber(sic);
  if (n === null) return [];
  return SECTORS.filter((s) => s.ranges.some(([from, to]) => n >= from && n <= to)).map((s) => s.name);
}
