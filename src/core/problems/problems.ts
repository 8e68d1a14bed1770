// The problems of a list of analysed exchanges: what `cors-lens analyze` prints after its table
// and under `problems` in --json, and what the panel's Problems view shows.

import type { AuditFinding } from '../audit/finding';
import { exchangeProblems, type ProblemInput } from './exchange-problems';
import { groupFindings } from './group-problems';
import type { Problem, ProblemFinding } from './problem';
import { preflightCostFindings } from './preflight-cost';

export type { Problem, ProblemFinding, ProblemKind, ProblemSeverity } from './problem';
export type { ProblemInput } from './exchange-problems';

/** `audit` maps an exchange id to its security findings (`auditRecording(...).byExchange`). */
export function findProblems(items: readonly ProblemInput[], audit?: ReadonlyMap<string, readonly AuditFinding[]>): Problem[] {
  const costs = preflightCostFindings(items);
  return groupFindings(items.map((item, i) => withCosts(exchangeProblems(item, audit?.get(item.exchange.id)), costs[i])));
}

/** An exchange's own findings, then its share of a recording-wide `preflight-cost`. */
export function withCosts(findings: readonly ProblemFinding[], costs: readonly ProblemFinding[] | undefined): readonly ProblemFinding[] {
  return costs && costs.length > 0 ? [...findings, ...costs] : findings;
}
