// The human output of `cors-lens analyze`, in two layouts. By default compact (formatCompactTable):
// one line per exchange, then each problem once (src/core/problems) with its fix and the rows it
// affects, then a summary line. With --verbose (formatVerboseTable) the detail: the cause, the fix
// and the security findings under each row. Colour only on a terminal (run.ts decides).

import type { AnalyzedExchange } from '../core/har/analyze-har';
import type { Problem } from '../core/problems/problems';
import { auditLines, auditSummary, type AuditLookup } from './audit-lines';
import { causeLines, showHeaderFix } from './cause-lines';
import { fixLines } from './format-fix';
import { problemsSection, rowProblemLabels } from './problem-lines';
import { summaryLine } from './summary';

export interface TableOptions {
  readonly colour: boolean;
  readonly urlWidth?: number;
  /** Security findings per exchange id (src/core/audit): under each row when verbose, else in the problems. */
  readonly audit?: AuditLookup;
}

const RED = '\u001b[31;1m';
const YELLOW = '\u001b[33m';
const RESET = '\u001b[0m';

/** Keep both ends of a long URL: the origin says where, the end says what. */
export function shortenUrl(url: string, width: number): string {
  if (url.length <= width) return url;
  const head = Math.ceil((width - 1) * 0.6);
  return `${url.slice(0, head)}…${url.slice(url.length - (width - 1 - head))}`;
}

/** Header values come from servers and may hold terminal escapes: show control characters, never send them. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A blocked or undecided exchange's reason; null for an allowed one. The cause's tag leads; the browser's reason follows unchanged. */
function verdictText({ analysis, cause }: AnalyzedExchange): string | null {
  const tag = cause ? `[${cause.tag}] ` : '';
  if (analysis.verdict === 'blocked') return tag + (analysis.reasons[0]?.message ?? '');
  if (analysis.verdict === 'unknown' && analysis.likely) return `${tag}likely ${analysis.likely}: ${analysis.likelyBecause ?? ''} Depends on ${analysis.dependsOn ?? 'data the record lacks'}`;
  if (analysis.verdict === 'unknown') return `${tag}depends on ${analysis.dependsOn ?? 'data the record lacks'}`;
  return null;
}

/**
 * An allowed exchange's first warning, in the verbose table. `shownElsewhere`: codes printed as
 * audit lines under the row (a lifted analyzer warning is also an audit finding): such a warning
 * is not the row's reason too, so it shows once.
 */
function warningText({ analysis }: AnalyzedExchange, shownElsewhere: ReadonlySet<string>): string {
  const warnings = analysis.warnings.filter((w) => !shownElsewhere.has(w.code));
  const warning = warnings[0];
  if (!warning) return '';
  const more = warnings.length > 1 ? ` (+${warnings.length - 1} more)` : '';
  return `warning: ${warning.message}${more}`;
}

/** The codes `auditLines` prints under a row (it leaves `info` findings to --json). */
function auditedCodes(x: AnalyzedExchange, audit: AuditLookup | undefined): ReadonlySet<string> {
  return new Set((audit?.get(x.exchange.id) ?? []).filter((f) => f.severity !== 'info').map((f) => f.code));
}

const HEADER = ['#', 'METHOD', 'URL', 'TYPE', 'VERDICT'];

function exchangeCells(x: AnalyzedExchange, urlWidth: number): string[] {
  return [
    x.entry === null ? '-' : String(x.entry),
    printable(x.exchange.hops[0]?.request.method ?? ''),
    printable(shortenUrl(x.exchange.hops[0]?.request.url ?? '', urlWidth)),
    x.analysis.type,
    x.analysis.verdict,
  ];
}

interface Row {
  readonly x: AnalyzedExchange;
  readonly cells: readonly string[];
}

/** The aligned rows, each followed by its `detail` lines (indented under the URL's column). */
function rowLines(header: readonly string[], rows: readonly Row[], options: TableOptions, reasonOf: (x: AnalyzedExchange) => string, detail: (x: AnalyzedExchange) => readonly string[]): string[] {
  const paint = (text: string, colour: string): string => (options.colour ? `${colour}${text}${RESET}` : text);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] as string).length)));
  const pad = (cells: readonly string[]): string[] => cells.map((c, i) => c.padEnd(widths[i] as number));
  const indent = ' '.repeat((widths[0] as number) + 2);
  const lines = [[...pad(header), 'REASON'].join('  ')];
  for (const { x, cells } of rows) {
    const padded = pad(cells);
    const verdict = padded[4] as string;
    if (x.analysis.verdict === 'blocked') padded[4] = paint(verdict, RED);
    else if (x.analysis.verdict === 'unknown') padded[4] = paint(verdict, YELLOW);
    lines.push([...padded, printable(reasonOf(x))].join('  ').trimEnd());
    lines.push(...detail(x).map((l) => `${indent}${printable(l)}`));
  }
  if (rows.length === 0) lines.push('(no exchanges to show)');
  return lines;
}

function withSummary(lines: readonly string[], all: readonly AnalyzedExchange[], shown: readonly AnalyzedExchange[], audit: AuditLookup | undefined): string {
  const audited = auditSummary(shown, audit);
  return `${[...lines, '', summaryLine(all) + (audited ? ` · ${audited}` : '')].join('\n')}\n`;
}

/** One line per exchange with its problems' labels, then `problems` (of the rows shown) each once. */
export function formatCompactTable(all: readonly AnalyzedExchange[], shown: readonly AnalyzedExchange[], problems: readonly Problem[], options: TableOptions): string {
  const labels = rowProblemLabels(problems, shown.length);
  const rows = shown.map((x, i) => ({ x, cells: [...exchangeCells(x, options.urlWidth ?? 60), labels[i] ?? ''] }));
  // An allowed exchange's warnings are problems, listed once under the table.
  const lines = rowLines([...HEADER, 'PROBLEMS'], rows, options, (x) => verdictText(x) ?? '', () => []);
  return withSummary([...lines, ...problemsSection(problems, shown).map(printable)], all, shown, options.audit);
}

/** `--verbose`: every exchange's cause, fix and security findings under its row, no problem list. */
export function formatVerboseTable(all: readonly AnalyzedExchange[], shown: readonly AnalyzedExchange[], options: TableOptions): string {
  const rows = shown.map((x) => ({ x, cells: exchangeCells(x, options.urlWidth ?? 60) }));
  const detail = (x: AnalyzedExchange): string[] => [
    ...causeLines(x.cause),
    ...(x.analysis.verdict === 'blocked' && showHeaderFix(x.cause) ? fixLines(x.analysis.fix) : []),
    ...auditLines(options.audit?.get(x.exchange.id)),
  ];
  const lines = rowLines(HEADER, rows, options, (x) => verdictText(x) ?? warningText(x, auditedCodes(x, options.audit)), detail);
  return withSummary(lines, all, shown, options.audit);
}
