// URL shapes of EDGAR resources, relative to configurable base URLs so the replay server can
// stand in for sec.gov.

export const ACCESSION_RE = /^\d{10}-\d{2}-\d{6}$/;

export function isAccessionNumber(value: string): boolean {
  return ACCESSION_RE.test(value);
}

/** `320193` or `0000320193` → `0000320193`. */
export function padCik(cik: string | number): string {
  return String(cik).replace(/^0+/, '').padStart(10, '0');
}

export function filingFolderUrl(wwwBase: string, cik: string, accession: string): string {
  const plainCik = String(Number.parseInt(cik, 10));
  return `${wwwBase}/Archives/edgar/data/${plainCik}/${accession.replace(/-/g, '')}`;
}

export function filingUrls(wwwBase: string, cik: string, accession: string) {
  const folder = filingFolderUrl(wwwBase, cik, accession);
  return {
    folder,
    index: `${folder}/${accession}-index.htm`,
    indexHeaders: `${folder}/${accession}-index-headers.html`,
    submission: `${folder}/${accession}.txt`,
    indexJson: `${folder}/index.json`,
  };
}

export function currentFeedUrl(wwwBase: string, params: { type: string; start: number; count: number }): string {
  const q = new URLSearchParams({
    action: 'getcurrent',
    type: params.type,
    company: '',
    dateb: '',
    owner: 'include',
    start: String(params.start),
    count: String(params.count),
    output: 'atom',
  });
  return `${wwwBase}/cgi-bin/browse-edgar?${q.toString()}`;
}
