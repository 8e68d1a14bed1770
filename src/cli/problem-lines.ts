// The problems after the compact table of `cors-lens analyze` (src/core/problems): each cause at
// each endpoint once, with its fix and the numbers of the rows it affects, instead of the same
// paragraph under every row.

import type { AnalyzedExchange } from '../core/har/analyze-har';
import { originOf } from '../core/origin';
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

/** What a problem says under its heading: the reason, the cause, the fix, the attack. */
export function problemBody(p: Problem): string[] {
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
  return body;
}

export function problemHead(p: Problem, label: string, rows: readonly AnalyzedExchange[]): string {
  const from = p.initiatorOrigin === null ? '' : ` from ${p.initiatorOrigin}`;
  if (p.endpoints.length > 1) return `${label}  ${kindLabel(p)}: ${p.code} · ${p.endpoints.length} endpoints of ${originOf(p.endpoint) ?? p.endpoint}${from} · ${affected(p, rows)}`;
  return `${label}  ${kindLabel(p)}: ${p.code} · ${p.method} ${p.endpoint}${from} · ${affected(p, rows)}`;
}

/** A server-wide problem names each of its endpoints under its heading: none is lost in the grouping. */
export function endpointLines(p: Problem): string[] {
  return p.endpoints.length > 1 ? p.endpoints.map((e) => `    at ${e}`) : [];
}

const bodyKey = (p: Problem): string => JSON.stringify([p.kind, p.code, problemBody(p)]);

/**
 * The problems in the order the table lists them: the same text at several endpoints (one
 * missing Vary: Origin on 13 routes) is one run, so its explanation prints once under their
 * headings. Runs keep the order of their most important member (`byImpact`).
 */
export function displayOrder(problems: readonly Problem[]): Problem[] {
  const runs = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = bodyKey(p);
    const run = runs.get(key);
    if (run) run.push(p);
    else runs.set(key, [p]);
  }
  return [...runs.values()].flat();
}

/** "3 problems, affecting 12 of 40 exchanges", then each run of problems: their headings, then what they say, once. */
export function problemsSection(problems: readonly Problem[], rows: readonly AnalyzedExchange[]): string[] {
  if (problems.length === 0) return [];
  const hit = new Set(problems.flatMap((p) => p.exchanges)).size;
  const lines = ['', `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}, affecting ${hit} of ${rows.length} exchanges:`];
  let previous = '';
  problems.forEach((p, i) => {
    const key = bodyKey(p);
    if (key !== previous) lines.push('');
    lines.push(problemHead(p, problemLabel(i), rows), ...endpointLines(p));
    const next = problems[i + 1];
    if (!next || bodyKey(next) !== key) lines.push(...problemBody(p).map((l) => `    ${l}`));
    previous = key;
  });
  return lines;
}
