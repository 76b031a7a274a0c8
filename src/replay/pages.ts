// Fixed bodies the replay server answers with. Three are real captures, copied byte for byte from
// the committable corpus into src/replay/pages/ (rate-exceeded.html, archives-missing-403.xml,
// data-sec-gov-missing-404.xml); the corpus copies keep their SOURCES.tsv provenance, and the
// replay tests check the served bodies against them. The "Undeclared Automated Tool" and "File
// Unavailable" pages are NOT captured pages: they are written here, with the title and gist sec.gov
// is reported to use.

import { readFileSync } from 'node:fs';
import { escapeXml } from './feed.ts';

const load = (name: string): Buffer => readFileSync(new URL(`./pages/${name}`, import.meta.url));

/** The real "Request Rate Threshold Exceeded" page (status 403). */
export const RATE_EXCEEDED_PAGE = load('rate-exceeded.html');

/** The real S3 body for a missing www.sec.gov/Archives path (status 403). */
export const ACCESS_DENIED_XML = load('archives-missing-403.xml');

const NO_SUCH_KEY_TEMPLATE = load('data-sec-gov-missing-404.xml').toString('utf8');

/** The real data.sec.gov body for a missing key (status 404), naming the requested key. */
export function noSuchKeyXml(key: string): Buffer {
  return Buffer.from(NO_SUCH_KEY_TEMPLATE.replace(/<Key>[^<]*<\/Key>/, `<Key>${escapeXml(key)}</Key>`), 'utf8');
}

// Written by cyber8k, not captured: sec.gov answers a missing or tool-default User-Agent with 403
// and a page titled "Undeclared Automated Tool" (EDGAR.md §6, secondary sources).
export const UNDECLARED_TOOL_PAGE = Buffer.from(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SEC.gov | Your Request Originates from an Undeclared Automated Tool</title>
</head>
<body>
<!-- Written by the cyber8k replay server; not a captured sec.gov page. -->
<h1>Your Request Originates from an Undeclared Automated Tool</h1>
<p>To allow for equitable access to all users, SEC reserves the right to limit requests originating from undeclared automated tools. Your request has been identified as part of a network of automated tools outside of the acceptable policy and will be managed until action is taken to declare your traffic.</p>
<p>Please declare your traffic by updating your user agent to include company specific information, for example:</p>
<pre>User-Agent: Sample Company Name AdminContact@&lt;sample company domain&gt;.com</pre>
<p>For best practices on efficiently downloading information from SEC.gov, visit sec.gov/developer.</p>
</body>
</html>
`);

// Written by cyber8k, not captured: the real 503 page past the end of getcurrent (start=5100) is a
// large SEC.gov apology page titled "SEC.gov | File Unavailable" that may not be committed.
export const FILE_UNAVAILABLE_PAGE = Buffer.from(`<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="content-type" content="text/html; charset=utf-8">
<title>SEC.gov | File Unavailable</title>
</head>
<body>
<!-- Written by the cyber8k replay server; not a captured sec.gov page. -->
<h1>File Unavailable</h1>
<p>Please check back again soon. We regret any inconvenience, and we thank you for your interest in the SEC website.</p>
</body>
</html>
`);

export const NOT_FOUND_PAGE = Buffer.from(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>SEC.gov | Page Not Found</title></head>
<body><!-- Written by the cyber8k replay server. --><h1>Page Not Found</h1></body></html>
`);
