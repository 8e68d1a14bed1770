// `--json` output. The field names of each exchange (url, method, initiatorOrigin, entry,
// preflightEntry, type, verdict, reasons, fix, warnings) are a public interface that CI
// pipelines parse: add fields, never rename or remove. Added so far: id, status,
// credentials, dependsOn, requestOrigin, crossOrigin, audit (security findings, src/core/audit),
// cause (the real cause behind a failure, src/core/cause: { code, tag, message, evidence, fix, ... }, or null),
// likely and likelyBecause (for `unknown` that hangs on the credentials mode, src/core/likely.ts).
// Beside `exchanges`, `problems` (src/core/problems): each cause at each endpoint once, with
// `exchanges` as indices into the `exchanges` array printed (problemJson below); `endpoints`
// (added) lists every endpoint of a server-wide problem, `endpoint` stays its first.
// Same-origin exchanges are included (they are exchanges too, with crossOrigin false);
// `--only cross-origin` leaves them out.

import type { AuditFinding } from '../core/audit/finding';
import type { Fix } from '../core/analysis';
import type { AnalyzedExchange } from '../core/har/analyze-har';
import type { SkippedEntry } from '../core/har/validate-har';
import type { Problem } from '../core/problems/problems';
import type { AuditLookup } from './audit-lines';

/** A fix as every `fix` field of --json prints it: `note` only when there is one. */
function fixJson(fix: Fix): Record<string, unknown> {
  return { preflight: fix.preflight, preflightStatus: fix.preflightStatus, response: fix.response, ...(fix.note !== undefined ? { note: fix.note } : {}) };
}

/**
 * One problem of `problems`: what identifies and ranks it first (id, kind, code, severity,
 * endpoint, method, page origin, count), then what the table shows.
 */
export function problemJson(p: Problem): Record<string, unknown> {
  return {
    id: p.id,
    kind: p.kind,
    code: p.code,
    severity: p.severity,
    endpoint: p.endpoint,
    method: p.method,
    initiatorOrigin: p.initiatorOrigin,
    count: p.count,
    exchanges: p.exchanges,
    fix: fixJson(p.fix),
    message: p.message,
    attack: p.attack ?? null,
    cause: p.cause ? { code: p.cause.code, tag: p.cause.tag, message: p.cause.message, fix: p.cause.fix } : null,
    endpoints: p.endpoints,
  };
}

export function exchangeJson({ exchange, analysis, entry, preflightEntry, crossOrigin, cause }: AnalyzedExchange, audit: readonly AuditFinding[] = []): Record<string, unknown> {
  const first = exchange.hops[0];
  const last = exchange.hops.at(-1);
  return {
    url: first?.request.url ?? '',
    method: first?.request.method ?? '',
    initiatorOrigin: exchange.initiatorOrigin,
    entry,
    preflightEntry,
    type: analysis.type,
    verdict: analysis.verdict,
    reasons: analysis.reasons,
    fix: fixJson(analysis.fix),
    warnings: analysis.warnings,
    id: exchange.id,
    status: last?.response?.status ?? null,
    credentials: analysis.credentials,
    dependsOn: analysis.dependsOn ?? null,
    requestOrigin: analysis.requestOrigin,
    crossOrigin,
    audit,
    cause: cause ?? null,
    likely: analysis.likely ?? null,
    likelyBecause: analysis.likelyBecause ?? null,
  };
}

export function formatJson(exchanges: readonly AnalyzedExchange[], audit?: AuditLookup, problems?: readonly Problem[]): string {
  const body = { exchanges: exchanges.map((x) => exchangeJson(x, audit?.get(x.exchange.id))), ...(problems ? { problems: problems.map(problemJson) } : {}) };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * Output is flushed every 32,768 characters: a string that size stays in V8's young generation,
 * where it dies cheaply; a megabyte string (as before) went to the large-object space and stayed
 * there until a full GC (peak RSS on a 100 MB HAR: 189 MB against 193 MB, npm run bench -- cli).
 */
const PIECE = 1 << 15;

/**
 * `value` as JSON.stringify(…, null, 2) lays it out two levels deep (an item of the top-level
 * object's array): wrapped in two arrays, V8 indents it in the same pass; the wrappers are the
 * first and last six characters ("[\n  [\n", "\n  ]\n]").
 */
const atDepthTwo = (value: unknown): string => JSON.stringify([[value]], null, 2).slice(6, -6);

/** `"name": [ ... ]` of the top-level object, one item at a time, flushed in pieces of about PIECE. */
function writeArray<T>(name: string, items: readonly T[], toJson: (item: T) => unknown, write: (text: string) => void, out: string): string {
  if (items.length === 0) return `${out}  "${name}": []`;
  out += `  "${name}": [\n`;
  items.forEach((item, i) => {
    out += `${i > 0 ? ',\n' : ''}${atDepthTwo(toJson(item))}`;
    if (out.length > PIECE) {
      write(out);
      out = '';
    }
  });
  return `${out}\n  ]`;
}

/**
 * The text of `formatJson` (JSON.stringify with two spaces), written in pieces of about PIECE,
 * so that the output for a large recording is never one string in memory.
 */
export function writeJson(rows: readonly AnalyzedExchange[], toJson: (x: AnalyzedExchange) => unknown, write: (text: string) => void, problems?: readonly Problem[], skipped: readonly SkippedEntry[] = []): void {
  let out = writeArray('exchanges', rows, toJson, write, '{\n');
  if (problems) out = writeArray('problems', problems, problemJson, write, `${out},\n`);
  // Only when some entry could not be read, so the output of every readable file stays as it was.
  if (skipped.length > 0) out = writeArray('skipped', skipped, (s) => ({ entry: s.entry, reason: s.reason }), write, `${out},\n`);
  write(`${out}\n}\n`);
}
