// The report as one self-contained HTML file (inline CSS, no script, no external resource). Every
// recorded value goes through escapeHtml; the Content-Security-Policy forbids scripts and
// every load anyway, so even a mistake here could not run code or call home.

import type { Header } from '../model';
import { escapeHtml as e } from './escape';
import { fixText, reasonText } from './fix-text';
import type { FailingEndpoint, Report, ReportMessage } from './report-model';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:62em;padding:0 1em;color:#1b1b1b;background:#fff}
h1{font-size:1.6em}h2{font-size:1.2em;border-top:1px solid #ddd;padding-top:1em;margin-top:2em}h3{font-size:1em;margin-bottom:.3em}
code,pre{font:12.5px/1.4 ui-monospace,monospace;background:#f4f4f4;border-radius:3px}
code{padding:0 .25em;overflow-wrap:anywhere}pre{padding:.6em .8em;white-space:pre-wrap;overflow-wrap:anywhere}
.blocked{color:#b00020;font-weight:600}.note{background:#fff6d6;padding:.5em .8em;border-radius:3px}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}th{background:#fafafa}
@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}code,pre{background:#2b2b2b}th{background:#262626}td,th,h2{border-color:#444}.note{background:#3a3420}}
`;

const code = (text: string): string => `<code>${e(text)}</code>`;

function headerRows(headers: readonly Header[]): string {
  if (headers.length === 0) return '<tr><td colspan="2"><em>none of the CORS headers</em></td></tr>';
  return headers.map((h) => `<tr><th>${e(h.name)}</th><td>${code(h.value)}</td></tr>`).join('');
}

function messageHtml(m: ReportMessage): string {
  const answered = m.status === null ? '<p>No response was recorded.</p>' : `<table><caption>The server answered ${e(String(m.status))}</caption>${headerRows(m.responseHeaders)}</table>`;
  return `<h4>${e(m.label)}: ${code(`${m.method} ${m.url}`)}</h4><table><caption>The browser sent</caption>${headerRows(m.requestHeaders)}</table>${answered}`;
}

/** Our MDN links are https; anything else (a `javascript:` URL) is never made a link. */
const mdnLink = (url: string): string => (url.startsWith('https://') ? ` <a href="${e(url)}" rel="noreferrer">MDN</a>` : '');

function reasonsHtml(ep: FailingEndpoint): string {
  const items = ep.reasons.map(
    (r) => `<li>${code(r.code)}: ${e(reasonText(r))}${r.failedParameter ? ` (at ${code(r.failedParameter)})` : ''}${mdnLink(r.mdn)}</li>`,
  );
  const others = ep.otherReasonCodes.length ? `<p>Other requests to this endpoint failed with: ${ep.otherReasonCodes.map(code).join(', ')}.</p>` : '';
  return `<ul>${items.join('')}</ul>${others}`;
}

function endpointHtml(ep: FailingEndpoint, index: number, report: Report): string {
  const urls = ep.urls.length > 1 || ep.urls[0] !== ep.endpoint ? `<p>URLs:</p><ul>${ep.urls.map((u) => `<li>${code(u)}</li>`).join('')}</ul>` : '';
  const fix = fixText(ep.fix);
  const config = report.server && ep.config !== null ? `<h3>Configuration for ${e(report.server.label)}</h3><pre>${e(ep.config)}</pre>` : '';
  return [
    `<section class="endpoint"><h2>${index + 1}. ${code(`${ep.method} ${ep.endpoint}`)}</h2>`,
    `<p>From the page origin ${code(ep.initiatorOrigin)}: <span class="blocked">${ep.count} blocked request${ep.count === 1 ? '' : 's'}</span>.</p>${urls}`,
    `<h3>Why the browser blocked it</h3>${reasonsHtml(ep)}`,
    `<h3>What was sent and answered</h3>${ep.messages.map(messageHtml).join('')}`,
    `<h3>The fix</h3>${fix.length ? `<pre>${e(fix.join('\n'))}</pre>` : '<p>No change to response headers is suggested.</p>'}`,
    `${config}</section>`,
  ].join('\n');
}

function serverWideHtml(report: Report): string {
  if (report.serverWide.length === 0) return '';
  const items = report.serverWide.map(
    (s, i) =>
      `<section><h3>${i + 1}. ${code(s.code)} (${e(s.severity)})</h3><p>From the page origin ${code(s.initiatorOrigin)}; ${s.count} request${s.count === 1 ? '' : 's'} at ${s.endpoints.length} endpoint${s.endpoints.length === 1 ? '' : 's'}:</p><ul>${s.endpoints.map((x) => `<li>${code(x)}</li>`).join('')}</ul><p>${e(s.message)}</p><p>Fix: ${e(s.fix)}</p></section>`,
  );
  return `\n<h2>Server-wide settings</h2><p>These pass today; each is one setting of the server, for all the endpoints listed.</p>\n${items.join('\n')}`;
}

export function htmlReport(report: Report): string {
  const { counts } = report;
  const meta = [report.source ? `<p>Source: ${code(report.source)}</p>` : '', report.generatedAt ? `<p>Generated: ${code(report.generatedAt)}</p>` : ''].join('');
  const privacy = report.redacted
    ? '<p>Cookies, credentials and URL user names/passwords are redacted.</p>'
    : '<p class="note"><strong>This report includes cookies and credentials.</strong> Share it with care.</p>';
  const summary = `<p>${counts.crossOrigin} cross-origin requests: <span class="blocked">${counts.blocked} blocked</span>, ${counts.allowed} allowed, ${counts.unknown} unknown. ${report.endpoints.length} failing endpoint${report.endpoints.length === 1 ? '' : 's'} below.</p>`;
  const body = report.endpoints.length ? report.endpoints.map((ep, i) => endpointHtml(ep, i, report)).join('\n') : '<p>Nothing was blocked.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CORS report</title><style>${STYLE}</style></head>
<body><h1>CORS report</h1>
${meta}${summary}${privacy}
${body}${serverWideHtml(report)}
</body></html>
`;
}
