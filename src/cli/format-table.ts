// The default, human output of `cors-lens analyze`: one row per exchange, the fix under
// each blocked one, and a summary line. Colour only on a terminal (run.ts decides).

import type { AnalyzedExchange } from '../core/har/analyze-har';
import { auditLines, auditSummary, type AuditLookup } from './audit-lines';
import { causeLines, showHeaderFix } from './cause-lines';
import { fixLines } from './format-fix';
import { summaryLine } from './summary';

export interface TableOptions {
  readonly colour: boolean;
  readonly urlWidth?: number;
  /** Security findings per exchange id (src/core/audit), printed under each row. */
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

function reasonText({ analysis, cause }: AnalyzedExchange): string {
  // The cause's tag leads; the browser's reason follows unchanged.
  const tag = cause ? `[${cause.tag}] ` : '';
  if (analysis.verdict === 'blocked') return tag + (analysis.reasons[0]?.message ?? '');
  if (analysis.verdict === 'unknown' && analysis.likely) return `${tag}likely ${analysis.likely}: ${analysis.likelyBecause ?? ''} Depends on ${analysis.dependsOn ?? 'data the record lacks'}`;
  if (analysis.verdict === 'unknown') return `${tag}depends on ${analysis.dependsOn ?? 'data the record lacks'}`;
  const warning = analysis.warnings[0];
  if (!warning) return '';
  const more = analysis.warnings.length > 1 ? ` (+${analysis.warnings.length - 1} more)` : '';
  return `warning: ${warning.message}${more}`;
}

export function formatTable(all: readonly AnalyzedExchange[], shown: readonly AnalyzedExchange[], options: TableOptions): string {
  const urlWidth = options.urlWidth ?? 60;
  const paint = (text: string, colour: string): string => (options.colour ? `${colour}${text}${RESET}` : text);
  const rows = shown.map((x) => ({
    x,
    cells: [
      x.entry === null ? '-' : String(x.entry),
      printable(x.exchange.hops[0]?.request.method ?? ''),
      printable(shortenUrl(x.exchange.hops[0]?.request.url ?? '', urlWidth)),
      x.analysis.type,
      x.analysis.verdict,
    ],
  }));
  const header = ['#', 'METHOD', 'URL', 'TYPE', 'VERDICT'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] as string).length)));
  const pad = (cells: readonly string[]): string[] => cells.map((c, i) => c.padEnd(widths[i] as number));
  const lines = [[...pad(header), 'REASON'].join('  ')];
  for (const { x, cells } of rows) {
    const padded = pad(cells);
    const verdict = padded[4] as string;
    if (x.analysis.verdict === 'blocked') padded[4] = paint(verdict, RED);
    else if (x.analysis.verdict === 'unknown') padded[4] = paint(verdict, YELLOW);
    lines.push([...padded, printable(reasonText(x))].join('  ').trimEnd());
    const indent = ' '.repeat((widths[0] as number) + 2);
    lines.push(...causeLines(x.cause).map((l) => `${indent}${printable(l)}`));
    if (x.analysis.verdict === 'blocked' && showHeaderFix(x.cause)) lines.push(...fixLines(x.analysis.fix).map((l) => `${indent}${printable(l)}`));
    lines.push(...auditLines(options.audit?.get(x.exchange.id)).map((l) => `${indent}${printable(l)}`));
  }
  if (rows.length === 0) lines.push('(no exchanges to show)');
  const audited = auditSummary(shown, options.audit);
  lines.push('', summaryLine(all) + (audited ? ` · ${audited}` : ''));
  return `${lines.join('\n')}\n`;
}
