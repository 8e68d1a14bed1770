// What the Playwright fixture says at the end of a test, from the exchanges it recorded: the
// `cors-lens analyze --json` document, a short Markdown summary and, when the test must fail, the
// failure message. No Playwright in here: it is the CLI's own analysis and formatting code.

import { auditRecording } from '../core/audit/audit';
import type { AnalyzedExchange } from '../core/har/analyze-har';
import { analyzeExchanges } from '../core/har/analyze-har';
import type { CdpExchange, CorsErrorStatus } from '../core/cdp/cdp-exchanges';
import { findProblems } from '../core/problems/problems';
import { mdBlock, mdCode, mdText } from '../core/report/markdown-report';
import { causeLines, showHeaderFix } from '../cli/cause-lines';
import { fixLines } from '../cli/format-fix';
import { formatJson } from '../cli/format-json';
import { printable } from '../cli/format-table';
import { redactRow } from '../cli/redact-rows';
import { summaryLine } from '../cli/summary';
import type { CorsLensOptions, FailOn } from './index';

export interface TestReport {
  /** The `cors-lens analyze --json --only cross-origin` document. */
  readonly json: string;
  readonly markdown: string;
  /** Set when `failOn` says the test fails. */
  readonly failure: string | null;
}

function globRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`);
}

/** Whether `url` matches one of the `ignore` patterns. */
export function ignoredBy(patterns: readonly (string | RegExp)[]): (url: string) => boolean {
  const regexps = patterns.map((p) => (typeof p === 'string' ? globRegExp(p) : p));
  return (url) => regexps.some((r) => {
    r.lastIndex = 0;
    return r.test(url);
  });
}

const urlOf = (x: AnalyzedExchange): string => x.exchange.hops[0]?.request.url ?? '';
const methodOf = (x: AnalyzedExchange): string => x.exchange.hops[0]?.request.method ?? '';

/** One blocked exchange: the cause and Chrome's reason first, then the URL, then what the server must send. */
function blockedLines(x: AnalyzedExchange, chromium: CorsErrorStatus | undefined): string[] {
  const reason = x.analysis.reasons[0];
  const name = reason?.chromeCorsError || chromium?.corsError || 'blocked';
  const lead = `${x.cause ? `${x.cause.tag}: ` : ''}${name}${reason?.failedParameter ? ` (${reason.failedParameter})` : ''}`;
  const lines = [`${lead}: ${methodOf(x)} ${urlOf(x)} from ${x.exchange.initiatorOrigin ?? 'an unknown origin'}`];
  if (reason) lines.push(`  ${reason.message}`);
  if (chromium && chromium.corsError !== reason?.chromeCorsError) lines.push(`  Chromium reported: ${chromium.corsError}${chromium.failedParameter ? ` (${chromium.failedParameter})` : ''}`);
  lines.push(...causeLines(x.cause).map((l) => `  ${l}`));
  if (showHeaderFix(x.cause)) lines.push(...fixLines(x.analysis.fix).map((l) => `  ${l.replace(/^fix:$/, 'The server must send:')}`));
  return lines.map(printable);
}

function warningLines(x: AnalyzedExchange): string[] {
  return [`warning: ${methodOf(x)} ${urlOf(x)}`, ...x.analysis.warnings.map((w) => `  ${w.code}: ${w.message}`)].map(printable);
}

function failureOf(rows: readonly AnalyzedExchange[], chromium: ReadonlyMap<string, CorsErrorStatus>, failOn: FailOn): string | null {
  if (failOn === 'never') return null;
  const blocked = rows.filter((x) => x.analysis.verdict === 'blocked');
  const warned = failOn === 'warning' ? rows.filter((x) => x.analysis.verdict !== 'blocked' && x.analysis.warnings.length > 0) : [];
  if (blocked.length === 0 && warned.length === 0) return null;
  const head = blocked.length > 0 ? `CORS Lens: ${blocked.length} of ${rows.length} cross-origin requests blocked` : `CORS Lens: ${warned.length} of ${rows.length} cross-origin requests with warnings`;
  const sections = [...blocked.map((x) => blockedLines(x, chromium.get(x.exchange.id))), ...warned.map(warningLines)];
  return [head, '', ...sections.map((s) => s.join('\n')).join('\n\n').split('\n')].join('\n');
}

function markdownOf(rows: readonly AnalyzedExchange[], all: readonly AnalyzedExchange[], ignored: number, failure: string | null, inFlight: number): string {
  const notes = [
    ignored > 0 ? `${ignored} ignored (\`corsLens.ignore\`)` : '',
    inFlight > 0 ? `${inFlight} still in flight when the test ended, not analysed` : '',
  ].filter(Boolean);
  const kept = all.filter((x) => !x.crossOrigin || rows.includes(x));
  const lines = ['## CORS Lens', '', mdText(summaryLine(kept)) + (notes.length ? ` · ${notes.join(' · ')}` : ''), ''];
  if (rows.length > 0) {
    lines.push('| Verdict | Method | URL | Reason |', '| --- | --- | --- | --- |');
    for (const x of rows) {
      const reason = x.analysis.reasons[0];
      const why = reason ? `${reason.chromeCorsError}: ${reason.message}` : x.analysis.warnings.map((w) => w.code).join(', ');
      lines.push(`| ${x.analysis.verdict} | ${mdCode(methodOf(x))} | ${mdCode(urlOf(x))} | ${why ? mdText(why) : ''} |`);
    }
    lines.push('');
  }
  if (failure) lines.push(mdBlock(failure), '');
  return lines.join('\n');
}

/**
 * Analyse what one test recorded (every request of its pages: same-origin ones are evidence for
 * the credentials mode) and say it the way `cors-lens analyze` does, for the cross-origin ones.
 */
export function testReport(recorded: readonly CdpExchange[], options: CorsLensOptions = {}, inFlight = 0): TestReport {
  const ignore = ignoredBy(options.ignore ?? []);
  const analysed = analyzeExchanges(recorded.map((r) => r.exchange));
  // `ignore` patterns are written against the real URLs; everything said afterwards is redacted
  // like every other export, since test reports travel as CI artifacts.
  const ignored = new Set(analysed.filter((x) => x.exchange.hops.some((h) => ignore(h.request.url))).map((x) => x.exchange.id));
  const all = analysed.map(redactRow);
  const cross = all.filter((x) => x.crossOrigin);
  const rows = cross.filter((x) => !ignored.has(x.exchange.id));
  const chromium = new Map(recorded.flatMap((r) => (r.corsErrorStatus ? [[r.exchange.id, r.corsErrorStatus] as const] : [])));
  const audit = auditRecording(all).byExchange;
  const failure = failureOf(rows, chromium, options.failOn ?? 'blocked');
  return {
    json: formatJson(rows, audit, findProblems(rows, audit)),
    markdown: markdownOf(rows, all, cross.length - rows.length, failure, inFlight),
    failure,
  };
}
