import { html, type SafeHtml } from './html.ts';

export type Section = 'incidents' | 'sectors' | 'reports' | 'health' | 'subscriptions' | 'none';

const NAV: Array<[Section, string, string]> = [
  ['incidents', '/', 'Incidents'],
  ['sectors', '/sectors', 'Sectors'],
  ['reports', '/reports', 'Weekly reports'],
  ['health', '/status', 'Health'],
  ['subscriptions', '/subscriptions', 'Subscriptions'],
];

/**
 * htmx 2 would inject an inline <style> for its indicators and evaluate hx-on / js: expressions;
 * the CSP allows neither, so both are off (the indicator CSS is in dashboard.css). History
 * snapshots are not kept in localStorage: a restore asks the server again.
 */
const HTMX_CONFIG = JSON.stringify({ allowEval: false, allowScriptTags: false, includeIndicatorStyles: false, historyCacheSize: 0, selfRequestsOnly: true });

export const ASSET_VERSION = '1';

export function page(options: { title: string; section: Section; body: SafeHtml }): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content="${HTMX_CONFIG}">
<title>${options.title} · cyber8k</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/dashboard.css?v=${ASSET_VERSION}">
<script src="/assets/htmx.min.js?v=${ASSET_VERSION}" defer></script>
<script src="/assets/dashboard.js?v=${ASSET_VERSION}" defer></script>
</head>
<body>
<header class="top"><a class="brand" href="/">cyber8k</a>
<nav class="main" aria-label="Sections">${NAV.map(([section, href, label]) => html`<a href="${href}"${section === options.section ? html` aria-current="page"` : ''}>${label}</a>`)}</nav>
</header>
<main>
<div id="flash" class="error" role="alert"></div>
${options.body}
</main>
<footer>Cybersecurity incident disclosures from SEC EDGAR. Every fact links to the sentence it came from. <a href="/docs">API</a></footer>
</body>
</html>
`;
}
