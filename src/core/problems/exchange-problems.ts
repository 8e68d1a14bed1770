// What one analysed exchange contributes to the problems: its block (one, the first failing
// check, as the browser reports it), and each warning or security finding (once: a lifted
// analyzer warning is replaced by its audit finding, as `withAudit` does, so a warning never
// counts twice). Pure and per exchange, so the panel can memoize it per analysis.

import type { Analysis, Fix } from '../analysis';
import type { AuditFinding } from '../audit/finding';
import type { Cause } from '../cause/cause';
import { NO_FIX } from '../fix';
import type { Exchange } from '../model';
import { originOf } from '../origin';
import { foldedEndpointOf } from '../endpoint';
import type { ProblemFinding } from './problem';

export interface ProblemInput {
  readonly exchange: Exchange;
  readonly analysis: Analysis;
  /** The real cause behind a block (src/core/cause), when known. */
  readonly cause?: Cause | null;
}

/**
 * Findings whose fix is one setting of the whole server, not of a route: a missing `Vary: Origin`,
 * a wildcard answered to credentialed requests, the preflight cache's Max-Age (too long, or too
 * short: preflight-cost.ts). They group by server origin and page origin, and list their endpoints,
 * so that one missing header at 11 routes is one problem with one fix.
 */
export const SERVER_WIDE: ReadonlySet<string> = new Set(['allow-origin-without-vary', 'wildcard-with-credentials-attempted', 'max-age-capped', 'preflight-cost']);

/**
 * A message or fix names this exchange's URL (`…reached https://api.example/users/42 through a
 * redirect`): in the key the URL becomes its endpoint, so /users/17 and /users/42 group.
 */
function foldUrls(text: string, exchange: Exchange): string {
  let out = text;
  for (const hop of [...exchange.hops, ...exchange.preflights]) {
    const url = hop.request.url;
    if (url !== '' && out.includes(url)) out = out.split(url).join(foldedEndpointOf(url));
  }
  return out;
}

/** The fix's content, not its identity: two exchanges with the same suggested fix have the same key. */
export function fixKey(fix: Fix, exchange: Exchange): string {
  const headers = (list: Fix['preflight']) => (list === null ? null : list.map((h) => [h.name.toLowerCase(), h.value]));
  return JSON.stringify([headers(fix.preflight), fix.preflightStatus, headers(fix.response), fix.note === undefined ? null : foldUrls(fix.note, exchange)]);
}

function blockedFinding({ exchange, analysis, cause }: ProblemInput, where: readonly [string, string, string | null]): ProblemFinding | null {
  const reason = analysis.reasons[0];
  const [endpoint, method, initiatorOrigin] = where;
  // The cause's code and tag never depend on the rest of the recording (cause-view.ts), so the
  // key, and the id, stay the same as traffic arrives.
  const causeKey = cause ? [cause.code, cause.tag] : null;
  if (analysis.verdict === 'blocked' && reason) {
    const key = JSON.stringify(['blocked', reason.code, causeKey, ...where, fixKey(analysis.fix, exchange)]);
    return { key, kind: 'blocked', code: reason.code, severity: 'error', endpoint, method, initiatorOrigin, message: reason.message, fix: analysis.fix, ...(cause ? { cause } : {}) };
  }
  // Not blocked (a refused connection is `unknown`), yet it failed: the cause is the problem.
  if (!cause) return null;
  const key = JSON.stringify(['failed', cause.code, causeKey, ...where]);
  return { key, kind: 'failed', code: cause.code, severity: 'error', endpoint, method, initiatorOrigin, message: cause.message, fix: { ...NO_FIX, note: cause.fix }, cause };
}

/** Every finding of one exchange: its block (or failure) first, then warnings and security findings. */
export function exchangeProblems(input: ProblemInput, audit: readonly AuditFinding[] = []): ProblemFinding[] {
  const { exchange, analysis } = input;
  if (analysis.type === 'same-origin') return [];
  const first = exchange.hops[0];
  const where = [foldedEndpointOf(first?.request.url ?? ''), first?.request.method ?? '', exchange.initiatorOrigin] as const;
  const [endpoint, method, initiatorOrigin] = where;
  const out: ProblemFinding[] = [];
  const blocked = blockedFinding(input, where);
  if (blocked) out.push(blocked);
  const audited = new Set(audit.map((f) => f.code));
  // Only a server-wide finding needs the server's origin (a URL parse): computed on first use.
  let serverKey: readonly [string | null, string | null] | undefined;
  const server = () => (serverKey ??= [originOf(first?.request.url ?? ''), initiatorOrigin]);
  for (const w of analysis.warnings) {
    // A network error's warning says what its cause says, in fewer words: one problem, the cause.
    if (audited.has(w.code) || (w.code === 'request-error' && input.cause)) continue;
    const key = SERVER_WIDE.has(w.code) ? JSON.stringify(['warning', w.code, 'server', ...server()]) : JSON.stringify(['warning', w.code, ...where, foldUrls(w.message, exchange)]);
    out.push({ key, kind: 'warning', code: w.code, severity: w.severity, endpoint, method, initiatorOrigin, message: w.message, fix: NO_FIX });
  }
  for (const f of audit) {
    // The advice is the fix; the message names values (an origin, header names) of this one exchange.
    // Server-wide: the severity splits too (credentials on some routes make the same fault worse there).
    const key = JSON.stringify(['security', f.code, ...(SERVER_WIDE.has(f.code) ? ['server', ...server(), f.severity] : where), f.fix]);
    out.push({ key, kind: 'security', code: f.code, severity: f.severity, endpoint, method, initiatorOrigin, message: f.message, fix: { ...NO_FIX, note: f.fix }, attack: f.attack });
  }
  return out;
}
