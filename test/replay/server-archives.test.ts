// Archives and data.sec.gov resources of released and unreleased filings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS, REPLAY_CORPUS, startReplay, type Started } from './helpers.ts';

const UNH = '0000731766-24-000045';
const UNH_DIR = '/Archives/edgar/data/731766/000073176624000045';
const UNH_TXT = readFileSync(path.join(FIXTURE_CORPUS, 'raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt'));
const NVIDIA_DIR = '/Archives/edgar/data/1045810/000104581026000024'; // public from the start
const ACCESS_DENIED = readFileSync(path.join(FIXTURE_CORPUS, 'raw/formats/archives-missing-403.xml'));

let started: Started | undefined;
afterEach(async () => {
  await started?.server.close();
  started = undefined;
});

async function withUnh(): Promise<Started> {
  started = await startReplay();
  started.server.release(UNH);
  return started;
}

describe('Archives', () => {
  it('serves the complete submission .txt byte for byte, under the folder and the short path', async () => {
    const s = await withUnh();
    const res = await s.get(`${UNH_DIR}/${UNH}.txt`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.body.equals(UNH_TXT)).toBe(true);
    expect((await s.get(`/Archives/edgar/data/731766/${UNH}.txt`)).body.equals(UNH_TXT)).toBe(true);
  });

  it('serves a document at its own URL exactly as EDGAR does (NVIDIA primary document)', async () => {
    started = await startReplay();
    const res = await started.get(`${NVIDIA_DIR}/nvda-20260302.htm`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.body.equals(readFileSync(path.join(FIXTURE_CORPUS, 'raw/formats/8k-nvidia-nvda-20260302.htm')))).toBe(true);
  });

  it('serves uuencoded binaries decoded', async () => {
    const s = await withUnh();
    const res = await s.get(`${UNH_DIR}/Financial_Report.xlsx`);
    expect(res.status).toBe(200);
    expect(res.body.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });

  it('serves -index-headers.html with numeric <ITEMS> in the tagged header and a link per document', async () => {
    const s = await withUnh();
    const page = (await s.get(`${UNH_DIR}/${UNH}-index-headers.html`)).body.toString('latin1');
    const comment = page.slice(page.indexOf('<!--'), page.indexOf('-->'));
    expect(comment).toContain('\n<ITEMS>1.05\n');
    expect(comment).toContain('<CIK>0000731766');
    const txtDocs = UNH_TXT.toString('latin1').split('\n<DOCUMENT>\n').length - 1;
    expect(page.match(/Document \d+ - (file|RAW XML)/g)?.length).toBeGreaterThanOrEqual(txtDocs);
    expect(page).toContain('<a href="unh-20240221.htm">Document 1 - file: unh-20240221.htm</a><br>');
  });

  it('serves index.json listing every document, the .txt and the index pages', async () => {
    const s = await withUnh();
    const res = await s.get(`${UNH_DIR}/index.json`);
    expect(res.headers['content-type']).toBe('application/json');
    const json = JSON.parse(res.body.toString('utf8')) as { directory: { name: string; 'parent-dir': string; item: { name: string; type: string; size: string; 'last-modified': string }[] } };
    expect(json.directory.name).toBe(UNH_DIR);
    expect(json.directory['parent-dir']).toBe('/Archives/edgar/data/731766');
    const names = json.directory.item.map((i) => i.name);
    const filenames = [...UNH_TXT.toString('latin1').matchAll(/^<FILENAME>(.*)$/gm)].map((m) => m[1]);
    for (const f of [...filenames, `${UNH}.txt`, `${UNH}-index-headers.html`, `${UNH}-index.html`]) expect(names).toContain(f);
    expect(json.directory.item.find((i) => i.name === `${UNH}.txt`)).toMatchObject({ size: '178 KB', type: 'text.gif', 'last-modified': '2024-02-22 16:08:47' });
  });

  it('serves the -index.htm page the feed links to, with items, acceptance time and document table', async () => {
    const s = await withUnh();
    const page = (await s.get(`${UNH_DIR}/${UNH}-index.htm`)).body.toString('utf8');
    expect(page).toContain('<title>EDGAR Filing Documents for 0000731766-24-000045</title>');
    expect(page).toContain('Item 1.05: Material Cybersecurity Incidents<br />');
    expect(page).toContain('<div class="info">2024-02-22 16:08:47</div>');
    expect(page).toContain(`<a href="/ix?doc=${UNH_DIR}/unh-20240221.htm">unh-20240221.htm</a>`);
    expect(page).toContain(`<td scope="row">${UNH_TXT.length}</td>`);
    expect(page).toContain('UNITEDHEALTH GROUP INC (Filer)');
  });

  it('answers 403 with the S3 AccessDenied body for an unreleased filing, then serves it once released', async () => {
    started = await startReplay();
    for (const p of [`${UNH_DIR}/${UNH}.txt`, `${UNH_DIR}/index.json`, `${UNH_DIR}/unh-20240221.htm`, `${UNH_DIR}/${UNH}-index-headers.html`]) {
      const res = await started.get(p);
      expect(res.status, p).toBe(403);
      expect(res.headers['content-type']).toBe('application/xml');
      expect(res.body.equals(ACCESS_DENIED), p).toBe(true);
    }
    started.server.release(UNH);
    expect((await started.get(`${UNH_DIR}/${UNH}.txt`)).status).toBe(200);
  });

  it('answers 403 AccessDenied for a missing file, a wrong CIK and an unknown path; CIK zeros do not matter', async () => {
    const s = await withUnh();
    expect((await s.get(`${UNH_DIR}/no-such-file.htm`)).status).toBe(403);
    expect((await s.get(`/Archives/edgar/data/789019/000073176624000045/${UNH}.txt`)).status).toBe(403);
    expect((await s.get('/Archives/edgar/full-index/2031/QTR1/form.idx')).body.equals(ACCESS_DENIED)).toBe(true);
    expect((await s.get(`/Archives/edgar/data/0000731766/000073176624000045/${UNH}.txt`)).status).toBe(200);
  });

  it('serves a built envelope whose header says it was built, with the real document inside', async () => {
    started = await startReplay();
    started.server.release('0001020859-25-000036'); // UNFI: original iXBRL primary document
    const dir = '/Archives/edgar/data/1020859/000102085925000036';
    const txt = (await started.get(`${dir}/0001020859-25-000036.txt`)).body.toString('latin1');
    expect(txt).toMatch(/^<CYBER8K-BUILT>envelope built by cyber8k/m);
    const doc = await started.get(`${dir}/unfi-2025-06-26-0001020859-25-000036-ixbrl.htm`);
    const original = readFileSync(path.join(FIXTURE_CORPUS, 'raw/item105/unfi-2025-06-26-0001020859-25-000036-ixbrl.htm'), 'latin1');
    // The fixture is the <TEXT> content as cut from the real submission: <XBRL>\n … </XBRL>.
    expect(doc.body.toString('latin1')).toBe(original.replace(/^<XBRL>\n/, '').replace(/<\/XBRL>$/, ''));
    const info = started.server.filings.find((f) => f.accession === '0001020859-25-000036');
    expect(info).toMatchObject({ built: true, cik: '0001020859', form: '8-K', items: ['1.05', '7.01'] });
  });

  it('every built envelope in the replay corpus parses and names its source file, which exists', async () => {
    started = await startReplay();
    const built = started.server.filings.filter((f) => f.built);
    expect(built.length).toBeGreaterThan(20);
    for (const f of built) {
      const text = readFileSync(f.source, 'latin1');
      const source = /<CYBER8K-BUILT>envelope built by cyber8k \S+ around (\S+),/.exec(text)?.[1];
      expect(source, f.accession).toBeDefined();
      expect(readFileSync(path.join(FIXTURE_CORPUS, source!)).length, source).toBeGreaterThan(0);
      expect(path.basename(f.source)).toBe(`${f.accession}.built.txt`);
      expect(path.dirname(f.source)).toBe(REPLAY_CORPUS);
    }
  });
});

describe('caching and compression', () => {
  it('sends ETag and Last-Modified (the acceptance time) and answers conditional requests with 304', async () => {
    const s = await withUnh();
    const first = await s.get(`${UNH_DIR}/unh-20240221.htm`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers['last-modified']).toBe('Thu, 22 Feb 2024 21:08:47 GMT');
    const byTag = await s.get(`${UNH_DIR}/unh-20240221.htm`, { 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    const byDate = await s.get(`${UNH_DIR}/unh-20240221.htm`, { 'if-modified-since': 'Thu, 22 Feb 2024 21:08:47 GMT' });
    expect(byDate.status).toBe(304);
    const older = await s.get(`${UNH_DIR}/unh-20240221.htm`, { 'if-modified-since': 'Thu, 22 Feb 2024 21:08:46 GMT' });
    expect(older.status).toBe(200);
    const otherTag = await s.get(`${UNH_DIR}/unh-20240221.htm`, { 'if-none-match': '"0000"' });
    expect(otherTag.status).toBe(200);
    expect(s.server.stats.byKindAndStatus['document 304']).toBe(2);
  });

  it('gzips when the client accepts gzip, and the body inflates to the plain one', async () => {
    const s = await withUnh();
    const plain = await s.get(`${UNH_DIR}/${UNH}.txt`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await s.get(`${UNH_DIR}/${UNH}.txt`, { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(gz.body.length).toBeLessThan(plain.body.length);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    const feed = await s.get('/cgi-bin/browse-edgar?action=getcurrent&type=8-K&output=atom', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(feed.body).toString('latin1')).toContain(UNH);
  });
});

describe('data.sec.gov', () => {
  it('answers a missing key with 404 and the S3 NoSuchKey body naming the key', async () => {
    started = await startReplay();
    const res = await started.get('/submissions/CIK0000000001.json');
    expect(res.status).toBe(404);
    const body = res.body.toString('utf8');
    expect(body).toContain('<Code>NoSuchKey</Code>');
    expect(body).toContain('<Key>submissions/CIK0000000001.json</Key>');
  });

  it('serves a submissions JSON for a company once one of its filings is released', async () => {
    started = await startReplay();
    expect((await started.get('/submissions/CIK0000731766.json')).status).toBe(404);
    started.server.release(UNH);
    const res = await started.get('/submissions/CIK0000731766.json');
    expect(res.status).toBe(200);
    const json = JSON.parse(res.body.toString('utf8')) as { cik: string; name: string; filings: { recent: Record<string, unknown[]> } };
    expect(json).toMatchObject({ cik: '0000731766', name: 'UNITEDHEALTH GROUP INC', sic: '6324' });
    const r = json.filings.recent;
    expect(r.accessionNumber).toEqual([UNH]);
    expect(r.acceptanceDateTime).toEqual(['2024-02-22T21:08:47.000Z']);
    expect(r.items).toEqual(['1.05']);
    expect(r.size).toEqual([UNH_TXT.length]);
    expect(r.primaryDocument).toEqual(['unh-20240221.htm']);
  });
});
