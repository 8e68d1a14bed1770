// A problem is one cause at one endpoint (or, when the fix is a setting of the whole server, one
// cause at one server: exchange-problems.ts's SERVER_WIDE): the same reason (or warning, or security finding) code,
// seen from the same page origin, with the same method, on the same URL pattern (ids folded,
// path-pattern.ts), with the same suggested fix. A real app calls a few endpoints hundreds of
// times; the user wants each fault once, with its fix and the requests it affects, the way
// Chrome's Issues panel lists one issue with its affected requests.
// Field names are printed by `cors-lens analyze --json` (`problems`): add fields, never rename or remove.

import type { Fix, WarningSeverity } from '../analysis';
import type { Cause } from '../cause/cause';

/**
 * `blocked`: the browser refused the exchange; `failed`: it got no usable answer for a reason
 * that is not CORS (a refused connection, a blocking extension: src/core/cause); `warning`: it
 * passed but is fragile; `security`: an audit finding.
 */
export type ProblemKind = 'blocked' | 'failed' | 'warning' | 'security';

/** `error` for a blocked or failed exchange, the warning's or finding's own severity otherwise. */
export type ProblemSeverity = 'error' | WarningSeverity;

/** What one exchange contributes to one problem, before grouping. */
export interface ProblemFinding {
  /** The grouping key; the problem's id is a hash of it. */
  readonly key: string;
  readonly kind: ProblemKind;
  readonly code: string;
  readonly severity: ProblemSeverity;
  /** Origin and folded path of the first request (`https://api.example/users/:id`). */
  readonly endpoint: string;
  readonly method: string;
  readonly initiatorOrigin: string | null;
  /** The reason's, warning's or finding's message for this exchange. */
  readonly message: string;
  /** The suggested fix; for a warning or a finding its advice is in `note`. */
  readonly fix: Fix;
  /** For a security finding: what an attacker can do with it. */
  readonly attack?: string;
  /** For a blocked exchange whose CORS error is only a symptom: the real cause (src/core/cause). */
  readonly cause?: Cause;
}

export interface Problem extends Omit<ProblemFinding, 'key'> {
  /**
   * Every endpoint it affects, `endpoint` first: one for a problem at one endpoint, several for a
   * server-wide one (a setting of the server, such as a missing `Vary: Origin`, at each of its routes).
   */
  readonly endpoints: readonly string[];
  /** Stable across new traffic: a hash of the grouping key (`p-` and 12 hex digits). */
  readonly id: string;
  readonly count: number;
  /** Indices into the list the problems were computed from, in its order. */
  readonly exchanges: readonly number[];
}

const RANK: Readonly<Record<ProblemSeverity, number>> = { error: 4, high: 3, medium: 2, low: 1, info: 0 };

/** Most severe first, then the most affected exchanges, then in the order they first happened. */
export function byImpact(a: Problem, b: Problem): number {
  return RANK[b.severity] - RANK[a.severity] || b.count - a.count || (a.exchanges[0] ?? 0) - (b.exchanges[0] ?? 0);
}
