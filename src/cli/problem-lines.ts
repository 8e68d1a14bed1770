// The problems after the compact table of `cors-lens analyze` (src/core/problems): each cause at
// each endpoint once, with its fix and the numbers of the rows it affects, instead of the same
// paragraph under every row.

import type { AnalyzedExchange } from '../core/har/analyze-har';
import type { Problem } from '../core/problems/problems';
import { showHeaderFix } from './cause-lines';
import { fixLines } from './format-fix';

/** How many row numbers a problem lists before "(+N more)": a problem can affect thousands. */
const MAX_ROW_REFS = 20;

export const problemLabel = (index: number): string => `P${index + 1}`;

/** For each row, the labels of the problems it is affected by (`P1,P3`). */
export function rowProblemLabels(problems: readonly Problem[], rowCount: number): string[] {
  const labels: string[][] = Array.from({ length: rowCount }, () => []);
  problems.forEach((p, i) => {
    for (const row of p.exchanges) labels[row]?.push(problemLabel(i));
  });
  return labels.map((l) => l.join(','));
}

const rowRef = (x: AnalyzedExchange | undefined): string => `#${x?.entry ?? '-'}`;

function affected(p: Problem, rows: readonly AnalyzedExchange[]): string {
  const refs = p.exchanges.slice(0, MAX_ROW_REFS).map((i) => rowRef(rows[i]));
  const more = p.exchanges.length > MAX_ROW_REFS ? ` (+${p.exchanges.length - MAX_ROW_REFS} more)` : '';
  return `${p.count} ${p.count === 1 ? 'exchange' : 'exchanges'}: ${refs.join(', ')}${more}`;
}

function kindLabel(p: Problem): string {
  return p.kind === 'blocked' || p.kind === 'failed' ? p.kind : `${p.kind} ${p.severity}`;
}

/** The lines of one problem; the first names it, the rest are indented under it. */
export function problemLines(p: Problem, label: string, rows: readonly AnalyzedExchange[]): string[] {
  const from = p.initiatorOrigin === null ? '' : ` from ${p.initiatorOrigin}`;
  const head = `${label}  ${kindLabel(p)}: ${p.code} · ${p.method} ${p.endpoint}${from} · ${affected(p, rows)}`;
  const body: string[] = [];
  // A failure's message is its cause's: say it once.
  if (p.kind !== 'failed') body.push(p.message);
  if (p.cause) body.push(`cause: ${p.cause.tag}: ${p.cause.message}`, `fix: ${p.cause.fix}`);
  if (p.kind === 'blocked' && showHeaderFix(p.cause)) {
    const [first, ...rest] = fixLines(p.fix);
    if (first !== undefined) body.push(p.cause ? 'headers to add:' : first, ...rest);
  }
  if (p.attack !== undefined) body.push(`attack: ${p.attack}`);
  if (p.kind === 'security' && p.fix.note !== undefined) body.push(`fix: ${p.fix.note}`);
  return [head, ...body.map((l) => `    ${l}`)];
}

/** "3 problems, affecting 12 of 40 exchanges", then each problem. */
export function problemsSection(problems: readonly Problem[], rows: readonly AnalyzedExchange[]): string[] {
  if (problems.length === 0) return [];
  const hit = new Set(problems.flatMap((p) => p.exchanges)).size;
  const lines = ['', `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}, affecting ${hit} of ${rows.length} exchanges:`];
  problems.forEach((p, i) => lines.push('', ...problemLines(p, problemLabel(i), rows)));
  return lines;
}
