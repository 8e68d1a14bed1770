// The human output of `cors-lens analyze`. By default compact: one line per exchange, then each
// problem once (src/core/problems) with its fix and the rows it affects, then a summary line.
// With --verbose (or without problems) the old detail: the cause, the fix and the security
// findings under each row. Colour only on a terminal (run.ts decides).

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
  /** The problems of the rows shown (indices into them): the compact table lists them after the rows. */
  readonly problems?: readonly Problem[];
  /** `--verbose`: every exchange's cause, fix and findings under its row, no problem list. */
  readonly verbose?: boolean;
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

/**
 * `shownElsewhere`: codes printed as audit lines under the row (a lifted analyzer warning is also
 * an audit finding): such a warning is not the row's reason too, so it shows once.
 */
function reasonText({ analysis, cause }: AnalyzedExchange, shownElsewhere: ReadonlySet<string>, compact: boolean): string {
  // The cause's tag leads; the browser's reason follows unchanged.
  const tag = cause ? `[${cause.tag}] ` : '';
  if (analysis.verdict === 'blocked') return tag + (analysis.reasons[0]?.message ?? '');
  if (analysis.verdict === 'unknown' && analysis.likely) return `${tag}likely ${analysis.likely}: ${analysis.likelyBecause ?? ''} Depends on ${analysis.dependsOn ?? 'data the record lacks'}`;
  if (analysis.verdict === 'unknown') return `${tag}depends on ${analysis.dependsOn ?? 'data the record lacks'}`;
  // Compact: an allowed exchange's warnings are problems, listed once under the table.
  if (compact) return '';
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

export function formatTable(all: readonly AnalyzedExchange[], shown: readonly AnalyzedExchange[], options: TableOptions): string {
  const urlWidth = options.urlWidth ?? 60;
  const compact = options.problems !== undefined && options.verbose !== true;
  const paint = (text: string, colour: string): string => (options.colour ? `${colour}${text}${RESET}` : text);
  const labels = compact ? rowProblemLabels(options.problems ?? [], shown.length) : [];
  const rows = shown.map((x, i) => ({
    x,
    cells: [
      x.entry === null ? '-' : String(x.entry),
      printable(x.exchange.hops[0]?.request.method ?? ''),
      printable(shortenUrl(x.exchange.hops[0]?.request.url ?? '', urlWidth)),
      x.analysis.type,
      x.analysis.verdict,
      ...(compact ? [labels[i] ?? ''] : []),
    ],
  }));
  const header = ['#', 'METHOD', 'URL', 'TYPE', 'VERDICT', ...(compact ? ['PROBLEMS'] : [])];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] as string).length)));
  const pad = (cells: readonly string[]): string[] => cells.map((c, i) => c.padEnd(widths[i] as number));
  const lines = [[...pad(header), 'REASON'].join('  ')];
  for (const { x, cells } of rows) {
    const padded = pad(cells);
    const verdict = padded[4] as string;
    if (x.analysis.verdict === 'blocked') padded[4] = paint(verdict, RED);
    else if (x.analysis.verdict === 'unknown') padded[4] = paint(verdict, YELLOW);
    const audited = compact ? new Set<string>() : auditedCodes(x, options.audit);
    lines.push([...padded, printable(reasonText(x, audited, compact))].join('  ').trimEnd());
    if (compact) continue;
    const indent = ' '.repeat((widths[0] as number) + 2);
    lines.push(...causeLines(x.cause).map((l) => `${indent}${printable(l)}`));
    if (x.analysis.verdict === 'blocked' && showHeaderFix(x.cause)) lines.push(...fixLines(x.analysis.fix).map((l) => `${indent}${printable(l)}`));
    lines.push(...auditLines(options.audit?.get(x.exchange.id)).map((l) => `${indent}${printable(l)}`));
  }
  if (rows.length === 0) lines.push('(no exchanges to show)');
  if (compact) lines.push(...problemsSection(options.problems ?? [], shown).map(printable));
  const audited = auditSummary(shown, options.audit);
  lines.push('', summaryLine(all) + (audited ? ` · ${audited}` : ''));
  return `${lines.join('\n')}\n`;
}
