// The per-filing listings a client reads before fetching documents: the `{accession}-index.htm`
// page (the Atom link target) and the folder's `index.json`. Both are written from the submission.
// The index page follows the structure of the real NVIDIA page in the corpus (form name, Filing
// Date / Accepted / Documents / Period of Report / Items, the "Document Format Files" and "Data
// Files" tables with Seq / Description / Document / Type / Size, the complete submission row, one
// filer block per party) without SEC's navigation chrome. index.json follows the shape EDGAR.md §5
// reports ([2nd]): `{"directory":{"name","parent-dir","item":[{last-modified,name,type,size}]}}`.

import { toEasternWallClock } from '../calendar/index.ts';
import { escapeXml, formatFeedSize } from './feed.ts';
import { itemTitle } from './items.ts';
import type { ReplayFiling } from './corpus.ts';
import type { SubmissionDocument } from './submission.ts';

/** Form descriptions as the index page prints them after "Form X -" [MEM]. */
const FORM_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '8-K': 'Current report',
  '8-K/A': '[Amend] Current report',
  '6-K': 'Report of foreign issuer [Rules 13a-16 and 15d-16]',
  '10-K': 'Annual report [Section 13 and 15(d), not S-K Item 405]',
  '10-Q': 'Quarterly report [Sections 13 or 15(d)]',
};

export interface DocumentEntry {
  doc: SubmissionDocument;
  size: number;
}

/** Documents the real index page leaves out: the XBRL viewer's generated files. */
function isViewerFile(doc: SubmissionDocument): boolean {
  if (doc.type === 'EXCEL' || doc.type === 'JSON' || doc.type === 'ZIP') return true;
  return doc.type === 'XML' && !/_htm\.xml$/i.test(doc.filename);
}

function isDataFile(doc: SubmissionDocument): boolean {
  return doc.type.startsWith('EX-101.') || (doc.type === 'XML' && /_htm\.xml$/i.test(doc.filename));
}

function row(seq: string, description: string, link: string, type: string, size: string, even: boolean): string {
  return [
    even ? '         <tr class="evenRow">' : '         <tr>',
    `            <td scope="row">${seq}</td>`,
    `            <td scope="row">${description}</td>`,
    `            <td scope="row">${link}</td>`,
    `            <td scope="row">${type}</td>`,
    `            <td scope="row">${size}</td>`,
    '         </tr>',
  ].join('\n');
}

function table(summary: string, rows: string[]): string {
  return [
    '<div class="formDiv">',
    '   <div style="padding: 0px 0px 4px 0px; font-size: 12px; margin: 0px 2px 0px 5px; width: 100%; overflow:hidden">',
    `      <p>${summary}</p>`,
    `      <table class="tableFile" summary="${summary}">`,
    '         <tr>',
    '            <th scope="col" style="width: 5%;"><acronym title="Sequence Number">Seq</acronym></th>',
    '            <th scope="col" style="width: 40%;">Description</th>',
    '            <th scope="col" style="width: 20%;">Document</th>',
    '            <th scope="col" style="width: 10%;">Type</th>',
    '            <th scope="col">Size</th>',
    '         </tr>',
    ...rows,
    '      </table>',
    '   </div>',
    '</div>',
  ].join('\n');
}

export function writeIndexPage(filing: ReplayFiling, docs: readonly DocumentEntry[], folderPath: string): string {
  const info = (head: string, value: string): string => `         <div class="infoHead">${head}</div>\n         <div class="info">${value}</div>`;
  const items = filing.items.map((code) => `Item ${code}: ${escapeXml(itemTitle(code) ?? '')}<br />`).join('');
  const formatRows: string[] = [];
  const dataRows: string[] = [];
  for (const { doc, size } of docs) {
    if (isViewerFile(doc)) continue;
    const href = `${folderPath}/${doc.filename}`;
    const link = doc.xbrl && /\.htm$/i.test(doc.filename)
      ? `<a href="/ix?doc=${href}">${doc.filename}</a> &nbsp;&nbsp;<span style="color: green">iXBRL</span>`
      : `<a href="${href}">${doc.filename}</a>`;
    const description = doc.type === 'XML' ? '<b>EXTRACTED</b> XBRL INSTANCE DOCUMENT' : escapeXml(doc.description ?? '');
    const target = isDataFile(doc) ? dataRows : formatRows;
    target.push(row(doc.sequence, description, link, escapeXml(doc.type), String(size), target.length % 2 === 1));
  }
  formatRows.push(row('&nbsp;', 'Complete submission text file', `<a href="${folderPath}/${filing.accession}.txt">${filing.accession}.txt</a>`, '&nbsp;', String(filing.size), formatRows.length % 2 === 1));

  const filers = filing.parties.map((p) => [
    '<div class="companyInfo">',
    `  <span class="companyName">${escapeXml(p.name)} (${p.role})`,
    ` <acronym title="Central Index Key">CIK</acronym>: <a href="/cgi-bin/browse-edgar?CIK=${p.cik}&amp;action=getcompany">${p.cik} (see all company filings)</a></span>`,
    '</div>',
  ].join('\n'));

  const built = filing.built
    ? '\n<!-- cyber8k: this submission envelope was built by cyber8k around a real document; see the <CYBER8K-BUILT> line of its header. -->'
    : '';
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta http-equiv="Last-Modified" content="${new Date(filing.acceptedAt).toUTCString()}" />
<title>EDGAR Filing Documents for ${filing.accession}</title>
</head>
<body style="margin: 0; font-size: 16px; ">${built}
<!-- Written by the cyber8k replay server after the structure of EDGAR's filing index page. -->
<div id="contentDiv">
<!-- START FILING DIV -->
<div class="formDiv">
   <div id="formHeader">
      <div id="formName">
         <strong>Form ${escapeXml(filing.form)}</strong> - ${FORM_DESCRIPTIONS[filing.form] ?? ''}: 
      </div>
      <div id="secNum">
         <strong><acronym title="Securities and Exchange Commission">SEC</acronym> Accession <acronym title="Number">No.</acronym></strong> ${filing.accession}
      </div>
   </div>
   <div class="formContent">
      <div class="formGrouping">
${info('Filing Date', filing.filedDate)}
${info('Accepted', toEasternWallClock(filing.acceptedAt))}
${info('Documents', String(filing.header.documentCount ?? docs.length))}
      </div>
${filing.period ? `      <div class="formGrouping">\n${info('Period of Report', filing.period)}\n      </div>\n` : ''}${items ? `      <div class="formGrouping">\n${info('Items', items)}\n      </div>\n` : ''}      <div style="clear:both"></div>
   </div>
</div>
<!-- END FILING DIV -->
<!-- START DOCUMENT DIV -->
${table('Document Format Files', formatRows)}
${dataRows.length ? `${table('Data Files', dataRows)}\n` : ''}<!-- END DOCUMENT DIV -->
<!-- START FILER DIV -->
<div class="filerDiv">
${filers.join('\n')}
<div class="clear"></div>
</div>
<!-- END FILER DIV -->
</div>
</body>
</html>
`;
}

function icon(name: string): string {
  if (/\.zip$/i.test(name)) return 'compressed.gif';
  if (/\.(jpe?g|gif|png)$/i.test(name)) return 'image2.gif';
  return 'text.gif';
}

export interface ListedFile {
  name: string;
  size: number;
}

/** The folder's index.json; `files` are every file the folder serves, with their sizes. */
export function writeIndexJson(filing: ReplayFiling, files: readonly ListedFile[], folderPath: string): string {
  const modified = toEasternWallClock(filing.acceptedAt);
  const item = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => ({ 'last-modified': modified, name: f.name, type: icon(f.name), size: formatFeedSize(f.size) }));
  return JSON.stringify({
    directory: { item, name: folderPath, 'parent-dir': folderPath.slice(0, folderPath.lastIndexOf('/')) },
  });
}
