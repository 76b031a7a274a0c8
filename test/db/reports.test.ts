import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../db/repositories/index.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { buildReportModel } from '../../src/reports/model.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { FAN_OUT_EVENT } from '../../src/jobs/catalogue.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';

const NO_FLAGS = { ransomware: false, dataAccessed: false, operationalDisruption: false, nationState: false, thirdParty: false, lawEnforcementNotified: false, disclosureDelayed: false };
const NO_DATES = { began: null, detected: null, determinedMaterial: null, contained: null };

interface Spec {
  accession: string;
  cik: string;
  company: string;
  form?: string;
  items: string[];
  filedAt: string;
  analysis?: Partial<Analysis>;
}

function analysisOf(s: Spec): Analysis {
  return {
    source: s.accession, accessionNumber: s.accession, form: s.form ?? '8-K', cik: s.cik, company: s.company, filedAt: s.filedAt, acceptedAt: `${s.filedAt}T15:00:00Z`, items: s.items,
    incident: true, item: s.items[0] ?? null, update: false, materialImpact: null, dates: NO_DATES, flags: NO_FLAGS, statements: [], reportDate: s.filedAt, amendment: null, references: [],
    incidentName: null, incidents: [], evidence: {}, confidence: 0.97, review: false, analyzerVersion: '1.8.0', ...s.analysis,
  };
}

async function store(repos: Repositories, s: Spec, outcome: 'analyzed' | 'dead' | 'pending' = 'analyzed') {
  await repos.filings.recordDiscovered({
    accessionNumber: s.accession, cik: s.cik, companyName: s.company, form: s.form ?? '8-K', items: s.items, filedAt: s.filedAt, acceptedAt: `${s.filedAt}T15:00:00Z`,
    indexUrl: `http://127.0.0.1:1/${s.accession}-index.htm`, submissionUrl: `http://127.0.0.1:1/${s.accession}.txt`,
  });
  if (outcome === 'analyzed') await recordAnalysis(repos, s.accession, { analysis: analysisOf(s), item105Text: null, header: { sic: s.cik === '0000731766' ? '6324' : null } });
  if (outcome === 'dead') await repos.filings.markFailed(s.accession, 'the submission is a ZIP archive, not a filing', 'dead');
}

const UNH: Spec = {
  accession: '0000731766-24-000056', cik: '0000731766', company: 'UNITEDHEALTH GROUP INC', items: ['1.05'], filedAt: '2024-02-22',
  analysis: { materialImpact: 'not-determined', dates: { ...NO_DATES, detected: '2024-02-21' }, flags: { ...NO_FLAGS, nationState: true }, evidence: { incident: 'On February 21, 2024, UnitedHealth Group identified a suspected nation-state threat actor.' } },
};
const EARLIER_801: Spec = { accession: '0000000002-24-000010', cik: '0000000002', company: 'WIDGET TELECOM INC', items: ['8.01'], filedAt: '2024-02-08', analysis: { dates: { ...NO_DATES, detected: '2024-02-05' } } };
const ESCALATION: Spec = {
  accession: '0000000002-24-000014', cik: '0000000002', company: 'WIDGET TELECOM INC', items: ['1.05'], filedAt: '2024-02-20',
  analysis: { update: true, materialImpact: 'material', review: true, confidence: 0.8, reportDate: '2024-02-16', dates: { ...NO_DATES, detected: '2024-02-05', determinedMaterial: '2024-02-14' } },
};
const NOT_CYBER: Spec = { accession: '0000000005-24-000001', cik: '0000000005', company: 'QUIET CO', items: ['2.02'], filedAt: '2024-02-21', analysis: { incident: false, item: null } };
const DEAD: Spec = { accession: '0000000006-24-000001', cik: '0000000006', company: 'BROKEN DOCS INC', items: ['8.01'], filedAt: '2024-02-23' };
const NEXT_WEEK: Spec = { accession: '0000000002-24-000020', cik: '0000000002', company: 'WIDGET TELECOM INC', form: '8-K/A', items: ['1.05'], filedAt: '2024-02-27', analysis: { materialImpact: 'not-material', amendment: { number: 1, of: { filedOn: '2024-02-20' } } } };

describeEachDatabase('the weekly report’s data, loaded from the database', (getDb) => {
  it('loads one week: its incident filings, incidents as they stood, quality counts, reconciliation and trend', async () => {
    const repos = createRepositories(getDb().database.db);
    for (const s of [EARLIER_801, UNH, ESCALATION, NOT_CYBER, NEXT_WEEK]) await store(repos, s);
    await store(repos, DEAD, 'dead');
    await repos.reconciliations.record({ date: '2024-02-21', listed: 1, missing: 1, indexFound: true, forms: ['8-K', '8-K/A'] });
    await repos.reconciliations.record({ date: '2024-02-19', listed: 0, missing: 0, indexFound: false, forms: ['8-K', '8-K/A'] });

    const model = buildReportModel(await repos.reports.loadWeek('2024-W08'), '2024-W08', '1.8.0');
    expect(model.headline.filings.value).toBe(2);
    expect(model.headline.incidents).toMatchObject({ touched: { value: 2 }, new: { value: 1 }, updated: { value: 1 }, escalated: { value: 1 } });
    expect(model.headline.updates.plainUpdates.value).toBe(1);
    const widget = model.incidents.find((i) => i.company === 'WIDGET TELECOM INC')!;
    // The 8-K/A of the next week is not seen: materiality as the week left it.
    expect(widget).toMatchObject({ kind: 'update', itemPath: '8.01 → 1.05', status: 'escalated', materialImpact: 'material', businessDaysToItem105: 3 });
    const unh = model.incidents.find((i) => i.company === 'UNITEDHEALTH GROUP INC')!;
    expect(unh).toMatchObject({ kind: 'new', sicDivision: 'H', evidence: 'On February 21, 2024, UnitedHealth Group identified a suspected nation-state threat actor.' });

    // New incidents are what /v1/incidents lists for the week's dates.
    const listed = await repos.incidents.list({ since: '2024-02-19', until: '2024-02-25' }, { limit: 100 });
    expect(model.headline.incidents.new.value).toBe(listed.rows.length);

    expect(model.dataQuality.filings).toMatchObject({ discovered: 4, analyzed: 3, dead: 1, review: 1 });
    expect(model.dataQuality.dead).toEqual([{ accessionNumber: DEAD.accession, form: '8-K', company: 'BROKEN DOCS INC', error: 'the submission is a ZIP archive, not a filing' }]);
    expect(model.dataQuality.review.map((r) => r.accessionNumber)).toEqual([ESCALATION.accession]);
    expect(model.dataQuality.days.find((d) => d.date === '2024-02-21')).toMatchObject({ discovered: 1, listed: 1, missedByFeed: 1, indexFound: true });
    expect(model.dataQuality.days.find((d) => d.date === '2024-02-19')).toMatchObject({ indexFound: false });
    expect(model.dataQuality.reconciliation).toMatchObject({ daysChecked: 1, listed: 1, discovered: 1, missedByFeed: 1, coverage: 1 });

    expect(model.trends.weeks.find((w) => w.week === '2024-W06')).toMatchObject({ item801: 1 });
    expect(model.trends.weeks.at(-1)).toMatchObject({ week: '2024-W08', item105: 2, item105Share: 1 });
    expect(model.timing.trailing13.detectionToDisclosure).toMatchObject({ n: 2, of: 2 });
  });

  it('stores a week’s report once per analyzer version, with one report.published event', async () => {
    const repos = createRepositories(getDb().database.db);
    await store(repos, UNH);
    const model = buildReportModel(await repos.reports.loadWeek('2024-W08'), '2024-W08', '1.8.0');
    const results = await Promise.all([1, 2, 3].map(() => repos.reports.publish(model, { week: '2024-W08' })));
    expect(results.filter((r) => r.published)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const stored = await repos.reports.get('2024-W08', '1.8.0');
    expect(JSON.stringify(stored!.model)).toBe(JSON.stringify(model));
    const published = (await repos.incidents.events(0, 100)).filter((e) => e.type === 'report.published');
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ incidentId: null, accessionNumber: null, reportId: results[0]!.id, analyzerVersion: '1.8.0' });
    expect((await repos.reports.publish({ ...model, analyzerVersion: '1.9.0' }, {})).published).toBe(true);
    expect((await repos.reports.list()).map((r) => [r.week, r.analyzerVersion])).toEqual([['2024-W08', '1.8.0'], ['2024-W08', '1.9.0']]);
  });

  it('does not send a week’s report to subscribers again when a new analyzer version rebuilds it', async () => {
    const repos = createRepositories(getDb().database.db);
    await store(repos, UNH);
    const model = buildReportModel(await repos.reports.loadWeek('2024-W08'), '2024-W08', '1.8.0');
    // Two versions publishing the same week at once (a failover during a rolling deploy), then a new week.
    await Promise.all([repos.reports.publish(model, {}), repos.reports.publish({ ...model, analyzerVersion: '1.9.0' }, {})]);
    await repos.reports.publish(buildReportModel(await repos.reports.loadWeek('2024-W09'), '2024-W09', '1.9.0'), {});
    const published = (await repos.incidents.events(0, 100)).filter((e) => e.type === 'report.published');
    expect(published.map((e) => e.analyzerVersion).sort()).toEqual(['1.8.0', '1.9.0', '1.9.0']);
    const fanOuts = new Set((await getDb().database.query<{ key: string }>(sql`select key from jobs where kind = ${FAN_OUT_EVENT}`)).map((j) => Number(j.key)));
    expect(published.map((e) => fanOuts.has(e.id))).toEqual([true, false, true]);
  });
});
