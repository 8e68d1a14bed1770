// The report's "server-wide settings": what passes today but needs one setting of the server
// (a missing Vary: Origin, the preflight cache's Max-Age), once per server and page origin with
// the endpoints it concerns (src/core/problems, SERVER_WIDE), after the failing endpoints.

import { auditRecording } from '../audit/audit';
import { SERVER_WIDE } from '../problems/exchange-problems';
import { findProblems } from '../problems/problems';
import type { ReportItem } from './report-model';

export interface ServerWideSetting {
  readonly code: string;
  readonly severity: string;
  readonly initiatorOrigin: string;
  readonly endpoints: readonly string[];
  readonly count: number;
  readonly message: string;
  /** What to change on the server, in words. */
  readonly fix: string;
}

/** From the (already redacted) items of a report. */
export function serverWideSettings(items: readonly ReportItem[]): ServerWideSetting[] {
  // With the audit, a missing Vary: Origin carries its advice (the analyzer's warning has none).
  return findProblems(items, auditRecording(items).byExchange)
    .filter((p) => SERVER_WIDE.has(p.code) && p.fix.note !== undefined)
    .map((p) => ({ code: p.code, severity: p.severity, initiatorOrigin: p.initiatorOrigin ?? 'null', endpoints: p.endpoints, count: p.count, message: p.message, fix: p.fix.note ?? '' }));
}
