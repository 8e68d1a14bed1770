// The report as Markdown, for an issue or a chat message to the server team. Every recorded value
// sits in a code span or a fenced block (where Markdown renderers never interpret HTML), and
// free text is backslash-escaped (CommonMark §2.4), so a hostile header cannot inject markup.

import type { Header } from '../model';
import { fixText } from './fix-text';
import type { FailingEndpoint, Report, ReportMessage } from './report-model';

/** One line of free text (never at a line start): what could open markup, HTML, a link or emphasis is escaped. */
export function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>&!|~]/g, (c) => `\\${c}`);
}

/** A code span long enough that no run of backticks inside closes it (CommonMark §6.1). */
export function mdCode(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || oneLine === '' ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run in the text (§4.5). */
export function mdBlock(text: string, info = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

const headerBlock = (headers: readonly Header[]): string =>
  mdBlock(headers.length ? headers.map((h) => `${h.name}: ${h.value}`.replace(/[\r\n]+/g, ' ')).join('\n') : '(none of the CORS headers)', 'http');

function messageSection(m: ReportMessage): string[] {
  return [
    `**${mdText(m.label)}** ${mdCode(`${m.method} ${m.url}`)}`,
    '',
    'The browser sent:',
    '',
    headerBlock(m.requestHeaders),
    '',
    m.status === null ? 'The server answered: nothing (no response was recorded).' : `The server answered ${mdCode(String(m.status))}:`,
    '',
    ...(m.status === null ? [] : [headerBlock(m.responseHeaders), '']),
  ];
}

function endpointSection(e: FailingEndpoint, index: number, report: Report): string[] {
  const lines = [
    `## ${index + 1}. ${mdCode(`${e.method} ${e.endpoint}`)}`,
    '',
    `From the page origin ${mdCode(e.initiatorOrigin)}; ${e.count} blocked request${e.count === 1 ? '' : 's'}.`,
    ...(e.urls.length > 1 || e.urls[0] !== e.endpoint ? ['', 'URLs:', '', ...e.urls.map((u) => `- ${mdCode(u)}`)] : []),
    '',
    '### Why the browser blocked it',
    '',
    ...e.reasons.flatMap((r) => [
      `- ${mdCode(r.code)}: ${mdText(r.message)}`,
      `  Chrome: ${mdCode(r.chromeCorsError)}${r.failedParameter ? ` (${mdCode(r.failedParameter)})` : ''}; Firefox: ${mdCode(r.firefoxError)}; [MDN](${encodeURI(r.mdn)})`,
    ]),
    ...(e.otherReasonCodes.length ? ['', `Other requests to this endpoint failed with: ${e.otherReasonCodes.map(mdCode).join(', ')}.`] : []),
    '',
    '### What was sent and answered',
    '',
    ...e.messages.flatMap(messageSection),
    '### The fix',
    '',
    e.serverFixable || e.fix.note ? mdBlock(fixText(e.fix).join('\n')) : 'No change to response headers is suggested.',
    '',
  ];
  if (report.server && e.config !== null) lines.push(`### Configuration for ${mdText(report.server.label)}`, '', mdBlock(e.config, report.server.language), '');
  return lines;
}

function serverWideSection(report: Report): string[] {
  if (report.serverWide.length === 0) return [];
  return [
    '## Server-wide settings',
    '',
    'These pass today; each is one setting of the server, for all the endpoints listed.',
    '',
    ...report.serverWide.flatMap((s, i) => [
      `### ${i + 1}. ${mdCode(s.code)} (${mdText(s.severity)})`,
      '',
      `From the page origin ${mdCode(s.initiatorOrigin)}; ${s.count} request${s.count === 1 ? '' : 's'} at ${s.endpoints.length} endpoint${s.endpoints.length === 1 ? '' : 's'}:`,
      '',
      ...s.endpoints.map((e) => `- ${mdCode(e)}`),
      '',
      mdText(s.message),
      '',
      `Fix: ${mdText(s.fix)}`,
      '',
    ]),
  ];
}

export function markdownReport(report: Report): string {
  const { counts } = report;
  const lines = [
    '# CORS report',
    '',
    ...(report.source ? [`Source: ${mdCode(report.source)}`, ''] : []),
    ...(report.generatedAt ? [`Generated: ${mdCode(report.generatedAt)}`, ''] : []),
    `${counts.crossOrigin} cross-origin requests: ${counts.blocked} blocked, ${counts.allowed} allowed, ${counts.unknown} unknown. ${report.endpoints.length} failing endpoint${report.endpoints.length === 1 ? '' : 's'} below.`,
    '',
    report.redacted ? '_Cookies, credentials and URL user names/passwords are redacted._' : '**This report includes cookies and credentials. Share it with care.**',
    '',
    ...report.endpoints.flatMap((e, i) => endpointSection(e, i, report)),
  ];
  if (report.endpoints.length === 0) lines.push('Nothing was blocked.', '');
  lines.push(...serverWideSection(report));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
