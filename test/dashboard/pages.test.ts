// The dashboard's pages as HTML, through app.inject over the demo's filings on PGlite: what each
// page shows, that filters and search narrow the list (page and htmx fragment alike), that the CSP
// holds (no inline script or style), and that hostile filing text and company names render inert.

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { useApp, usePglite } from '../api/app.ts';
import { HOSTILE_ACCESSION, HOSTILE_CIK, SMALL_DEMO, seedDemo } from './demo-data.ts';
import { THREADS } from '../incidents/replay-corpus.ts';
import { SECTORS } from '../../src/companies/sectors.ts';
import { sectorPage } from '../../api/dashboard/views/company.ts';

const db = usePglite();
const app = useApp(() => db().database, { clock: () => new Date('2026-11-30T12:00:00Z') });

beforeAll(async () => {
  await seedDemo(createRepositories(db().database.db), SMALL_DEMO);
}, 120_000);

const get = (url: string, headers: Record<string, string> = {}) => app().inject({ method: 'GET', url, headers });
const htmx = { 'hx-request': 'true' };

/** The incident ids a list shows, in order. */
function listed(body: string): number[] {
  return [...body.matchAll(/<tr data-incident="(\d+)"/g)].map((m) => Number(m[1]));
}

/** Markup a hostile value could only have produced if it was not escaped. */
function expectInert(body: string) {
  expect(body).not.toContain('<script>alert');
  expect(body).not.toContain('<img src=x');
  expect(body).not.toMatch(/<b>advisers<\/b>/);
}

describe('the incidents list at /', () => {
  it('is a full page with the filters, the incidents and the security headers', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.body).toMatch(/^<!doctype html>/);
    expect(res.body).toContain('<form class="filters" method="get" action="/"');
    expect(res.body).toContain('<meta name="viewport"');
    expect(listed(res.body).length).toBeGreaterThanOrEqual(4);
    expect(res.body).toContain('PRUDENTIAL FINANCIAL INC');
  });

  it('loads htmx and its own script and stylesheet from this server only, with no inline script, style or handler', async () => {
    const { body } = await get('/');
    const scripts = [...body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBe(2);
    for (const s of scripts) expect(s).toMatch(/ src="\/assets\/[a-z.]+\?v=\d+"/);
    expect(body).not.toMatch(/<style|style="|\son[a-z]+=|hx-on|javascript:/i);
    expect(body).toContain('<meta name="htmx-config" content="{&quot;allowEval&quot;:false,&quot;allowScriptTags&quot;:false,&quot;includeIndicatorStyles&quot;:false');
    const htmxFile = await get('/assets/htmx.min.js?v=1');
    expect(htmxFile.statusCode).toBe(200);
    expect(htmxFile.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(htmxFile.body).toContain('version:"2.0.11"');
    expect((await get('/assets/dashboard.css')).body).toContain('@media (max-width:700px)');
    expect((await get('/assets/dashboard.js')).body).toContain('sessionStorage');
  });

  it('searching "ransomware" narrows the list to matches, best first, with marked snippets', async () => {
    const all = listed((await get('/')).body);
    const res = await get('/?q=ransomware');
    const found = listed(res.body);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(all.length);
    expect(res.body).toContain('best match first');
    expect(res.body).toMatch(/<div class="snippet">[^<]*(<\/?mark>|[^<])*<mark>ransomware<\/mark>/i);
    // The box keeps what was typed.
    expect(res.body).toContain('name="q" value="ransomware"');
  });

  it('answers htmx with the results fragment only, and the same rows as the page', async () => {
    const page = await get('/?q=ransomware');
    const fragment = await get('/?q=ransomware', htmx);
    expect(fragment.body.startsWith('<section id="results"')).toBe(true);
    expect(fragment.body).not.toContain('<form');
    expect(fragment.headers.vary).toBe('HX-Request');
    expect(listed(fragment.body)).toEqual(listed(page.body));
    // The address bar gets the filters chosen, without the blank fields a form sends.
    const blanks = await get('/?q=ransomware&ticker=&sector=&item=1.05&flag=ransomware&flag=nationState', htmx);
    expect(blanks.headers['hx-push-url']).toBe('/?q=ransomware&item=1.05&flag=ransomware&flag=nationState');
    // A history restore needs the whole page.
    expect((await get('/?q=ransomware', { ...htmx, 'hx-history-restore-request': 'true' })).body).toMatch(/^<!doctype html>/);
  });

  it('combines filters: each one narrows what the others left', async () => {
    const item105 = listed((await get('/?item=1.05')).body);
    const ransomware = listed((await get('/?flag=ransomware')).body);
    const both = listed((await get('/?item=1.05&flag=ransomware')).body);
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((id) => item105.includes(id) && ransomware.includes(id))).toBe(true);
    expect(both.length).toBeLessThanOrEqual(Math.min(item105.length, ransomware.length));
    const withTicker = listed((await get('/?item=1.05&flag=ransomware&ticker=EVIL')).body);
    expect(withTicker.length).toBe(1);
    // Blank fields, as a form sends them, are no filter; the form shows what is chosen.
    const blank = await get('/?q=&ticker=&sector=&item=1.05&materialImpact=&status=&flag=ransomware');
    expect(listed(blank.body)).toEqual(both);
    expect(blank.body).toContain('<option value="1.05" selected>');
    expect(blank.body).toContain('value="ransomware" checked');
  });

  it('filters by sector, status and materiality like /v1/incidents', async () => {
    for (const query of ['sector=wholesale', 'status=updated', 'materialImpact=not-determined', 'ticker=PRU']) {
      const api = JSON.parse((await get(`/v1/incidents?${query}&limit=100`)).body) as { data: Array<{ id: number }> };
      expect(api.data.length, query).toBeGreaterThan(0);
      expect(listed((await get(`/?${query}`)).body), query).toEqual(api.data.map((i) => i.id));
    }
  });

  it('filters by the first disclosure date, like /v1/incidents, and says when the range is empty or a date is not one', async () => {
    const query = 'since=2025-01-01&until=2025-06-30';
    const api = JSON.parse((await get(`/v1/incidents?${query}&limit=100`)).body) as { data: Array<{ id: number; firstDisclosedAt: string }> };
    expect(api.data.length).toBeGreaterThan(0);
    const res = await get(`/?${query}`);
    expect(listed(res.body)).toEqual(api.data.map((i) => i.id));
    expect(res.body).toContain('name="since" value="2025-01-01"');
    expect(listed((await get('/')).body).length).toBeGreaterThan(api.data.length);
    const reversed = await get('/?since=2025-06-30&until=2025-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('is later than');
    expect((await get('/?since=2025-02-30')).statusCode).toBe(400);
    expect((await get('/?since=1900-01-01')).statusCode).toBe(400);
  });

  it('refuses an unknown filter value with a readable error page (400), not a stack trace', async () => {
    const res = await get('/?materialImpact=huge');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('class="error"');
    expect(res.body).toContain('materialImpact');
    const unknown = await get('/?colour=red');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('class="error"');
  });

  it('renders a hostile company name and filing text inert in the list and in search snippets', async () => {
    const list = await get('/');
    expect(list.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;Evil&quot; &amp; Co');
    expectInert(list.body);
    const search = await get('/?q=encrypted files');
    expect(listed(search.body).length).toBeGreaterThan(0);
    expect(search.body).toContain('&lt;script&gt;');
    expectInert(search.body);
    const fragment = await get('/?q=%3Cscript%3E%22%26', htmx);
    expectInert(fragment.body);
    // What was typed is echoed escaped.
    const echoed = await get('/?q=%22%3E%3Cscript%3Ealert(3)%3C%2Fscript%3E');
    expect(echoed.body).toContain('value="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"');
  });
});

describe('the incident page', () => {
  async function incidentIdOf(accession: string): Promise<number> {
    const filing = JSON.parse((await get(`/v1/filings/${accession}`)).body) as { incidentId?: number; incident?: { id: number } };
    const api = JSON.parse((await get('/v1/incidents?limit=100')).body) as { data: Array<{ id: number; filings: Array<{ accessionNumber: string }> }> };
    const found = api.data.find((i) => i.filings.some((f) => f.accessionNumber === accession));
    expect(found, JSON.stringify(filing).slice(0, 200)).toBeDefined();
    return found!.id;
  }

  it('shows the timeline of its filings and highlights each evidence sentence in the filing text', async () => {
    const id = await incidentIdOf(THREADS.prudential[0]);
    const res = await get(`/incidents/${id}`);
    expect(res.statusCode).toBe(200);
    const detail = JSON.parse((await get(`/v1/incidents/${id}`)).body) as { timeline: Array<{ accessionNumber: string; evidence: Record<string, string> }> };
    expect(detail.timeline.length).toBe(2);
    for (const entry of detail.timeline) expect(res.body).toContain(`id="filing-${entry.accessionNumber}"`);
    // Each filing's evidence sentences are <mark>ed inside its text.
    const text = res.body.split('<div class="filing-text">')[1]!;
    const marks = [...text.split('</div>')[0]!.matchAll(/<mark title="([^"]+)"/g)].map((m) => m[1]);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.join(',')).toContain('Incident');
    const detected = detail.timeline[0]!.evidence['dates.detected'];
    if (detected) expect(res.body).toContain(detected.replace(/\s+/g, ' ').trim().slice(0, 40).replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
    expect(res.body).toContain('Original disclosure');
    expect(res.body).toContain('https://www.sec.gov/Archives/edgar/data/');
  });

  it('marks evidence in the text of every filing that has some, Item 1.05 or not (the passages the analyzer read)', async () => {
    const api = JSON.parse((await get('/v1/incidents?limit=100')).body) as { data: Array<{ id: number }> };
    for (const { id } of api.data) {
      const body = (await get(`/incidents/${id}`)).body;
      const entries = body.split('<li id="filing-').slice(1);
      for (const entry of entries) {
        if (!entry.includes('<h4>Evidence</h4>')) continue;
        const text = entry.split('<div class="filing-text">')[1];
        expect(text, `incident ${id}: a filing with evidence shows its text`).toBeDefined();
        expect(text!.split('</div>')[0], `incident ${id}`).toContain('<mark title=');
      }
    }
  });

  it('renders a hostile filing inert: title, company, evidence and text', async () => {
    const id = await incidentIdOf(HOSTILE_ACCESSION);
    const res = await get(`/incidents/${id}`);
    expect(res.statusCode).toBe(200);
    expectInert(res.body);
    expect(res.body).toContain('<mark title="Incident, Ransomware or encryption" data-facts="incident flags.ransomware"');
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(res.body).toContain('&lt;b&gt;advisers&lt;/b&gt;');
    expect(res.body).toContain(`href="/companies/${HOSTILE_CIK}"`);
  });

  it('is a 404 page for an unknown incident and a 400 for a malformed id', async () => {
    const missing = await get('/incidents/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('no incident 999999 is known');
    expect((await get('/incidents/abc')).statusCode).toBe(400);
  });
});

describe('the company, sector, reports and health pages', () => {
  it('shows a company, by CIK or ticker, with its facts and incidents', async () => {
    const byTicker = await get('/companies/unfi');
    expect(byTicker.statusCode).toBe(200);
    expect(byTicker.body).toContain('<h1>UNITED NATURAL FOODS INC</h1>');
    expect(byTicker.body).toContain('5141');
    expect(byTicker.body).toContain('href="/sectors/wholesale"');
    expect(listed(byTicker.body).length).toBe(1);
    const byCik = await get('/companies/1020859');
    expect(listed(byCik.body)).toEqual(listed(byTicker.body));
    expect((await get('/companies/NOPE')).statusCode).toBe(404);
  });

  it('renders a hostile company page inert', async () => {
    const res = await get(`/companies/${HOSTILE_CIK}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; &quot;Evil&quot; &amp; Co</h1>');
    expect(res.body).toContain('<title>&lt;script&gt;');
    expectInert(res.body);
  });

  it('lists the sectors, and a sector shows its incidents and companies', async () => {
    const all = await get('/sectors');
    expect(all.body).toContain('href="/sectors/telecom"');
    expect(all.body).toContain('SIC 6000–6099');
    const wholesale = await get('/sectors/wholesale');
    expect(wholesale.statusCode).toBe(200);
    expect(wholesale.body).toContain('<h1>Wholesale');
    expect(listed(wholesale.body).length).toBe(1);
    expect(wholesale.body).toContain('href="/companies/0001020859"');
    expect((await get('/sectors/astrology')).statusCode).toBe(404);
  });

  it('pages a sector: its next link names only the cursor (the sector is in the path), and that page is served', async () => {
    const telecom = SECTORS.find((s) => s.name === 'telecom')!;
    expect(sectorPage(telecom, [], 'NEXT', undefined, []).value).toContain('href="/sectors/telecom?cursor=NEXT"');
    // A keyset position (the demo has no sector of more than one incident: any list's cursor will do).
    const first = JSON.parse((await get('/v1/incidents?limit=1')).body) as { nextCursor: string };
    const next = await get(`/sectors/telecom?cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(next.statusCode, next.body).toBe(200);
  });

  it('links a later page back to the first page with the same filters, and the first page to none', async () => {
    const one = await get('/?item=1.05');
    expect(one.body).not.toContain('First page');
    const firstApi = JSON.parse((await get('/v1/incidents?item=1.05&limit=1')).body) as { nextCursor: string };
    const later = await get(`/?item=1.05&cursor=${encodeURIComponent(firstApi.nextCursor)}`);
    expect(later.statusCode, later.body).toBe(200);
    expect(later.body).toMatch(/<a href="\/\?item=1\.05" [^>]*>← First page<\/a>/);
    const sector = SECTORS.find((s) => s.name === 'telecom')!;
    expect(sectorPage(sector, [], null, 'SOMEWHERE', []).value).toMatch(/<a href="\/sectors\/telecom" [^>]*>← First page<\/a>/);
  });

  it('archives the weekly reports, newest first, each linking its formats', async () => {
    const res = await get('/reports');
    expect(res.statusCode).toBe(200);
    const weeks = [...res.body.matchAll(/<tr data-week="([^"]+)"/g)].map((m) => m[1]!);
    const api = JSON.parse((await get('/v1/reports/weekly')).body) as { data: Array<{ week: string }> };
    expect(weeks).toEqual(api.data.map((w) => w.week));
    expect(weeks.length).toBeGreaterThan(10);
    expect(res.body).toContain(`href="/v1/reports/weekly/${weeks[0]}.html"`);
    expect(res.body).toContain(`href="/v1/reports/weekly/${weeks[0]}.csv"`);
  });

  it('shows feed lag, the queue, dead jobs and disabled subscriptions', async () => {
    const repos = createRepositories(db().database.db);
    await repos.pollState.recordSuccess('getcurrent:8-K', null);
    await repos.pollState.recordSuccess('reconcile:daily-index', null);
    await db().database.query(sql`update poll_state set last_success_at = now() - interval '5 hours' where source = 'reconcile:daily-index'`);
    await repos.jobs.enqueue({ kind: 'fetch-filing', key: 'dead-one', maxAttempts: 1 });
    const [job] = await repos.jobs.claim('test-worker', { limit: 1, leaseMs: 60_000, kinds: ['fetch-filing'] });
    await repos.jobs.fail(job!, 'test-worker', 'HTTP 500 <script>alert(4)</script>', 0);
    const sub = await repos.subscriptions.create({ name: 'Gone <b>receiver</b>', channel: { type: 'webhook', url: 'https://example.com/hook' }, filter: {}, mode: 'instant', secret: 'whsec_x', ownerKeyId: null } as never);
    await repos.subscriptions.disable(sub.id, 'the receiver answered 410 Gone');
    const res = await get('/status');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('getcurrent:8-K');
    // The card is the live feed's lag, not the nightly reconciliation's (listed below it).
    expect(res.body).toMatch(/id="feed-lag">\d+ s</);
    expect(res.body).toContain('5.0 h');
    expect(res.body).toMatch(/id="dead-jobs">1</);
    expect(res.body).toMatch(/id="disabled-subscriptions">1</);
    expect(res.body).toContain('dead-one');
    expect(res.body).toContain('HTTP 500 &lt;script&gt;alert(4)&lt;/script&gt;');
    // An open page: which subscription, not whose watchlist or what its receiver answered.
    expect(res.body).toContain(`<td class="num">${sub.id}</td>`);
    expect(res.body).not.toContain('receiver&lt;/b&gt;');
    expect(res.body).not.toContain('410 Gone');
    expect(res.body).not.toContain('<script>alert');
  });
});

describe('with API_READ_AUTH=key', () => {
  const closed = useApp(() => db().database, { apiReadAuth: 'key' });
  it('the read pages need a read key like /v1 (a browser cannot send one: the API is the way then); the assets and the subscriptions page do not', async () => {
    for (const url of ['/', '/incidents/1', '/companies/UNFI', '/sectors', '/reports', '/status']) {
      expect((await closed().inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    expect((await closed().inject({ method: 'GET', url: '/assets/htmx.min.js' })).statusCode).toBe(200);
    expect((await closed().inject({ method: 'GET', url: '/subscriptions' })).statusCode).toBe(200);
  });
});
