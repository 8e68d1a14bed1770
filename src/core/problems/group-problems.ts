// Findings of many exchanges → problems: one per grouping key, with the count and the indices of
// the exchanges it affects. One pass and a map, so it stays linear in the number of findings.

import { byImpact, type Problem, type ProblemFinding } from './problem';
import { problemId } from './problem-id';

/** `perExchange[i]` are the findings of exchange i; a problem's `exchanges` are those indices. */
export function groupFindings(perExchange: readonly (readonly ProblemFinding[])[]): Problem[] {
  const groups = new Map<string, { first: ProblemFinding; exchanges: number[]; endpoints: Set<string> }>();
  perExchange.forEach((findings, index) => {
    for (const f of findings) {
      const group = groups.get(f.key);
      if (!group) groups.set(f.key, { first: f, exchanges: [index], endpoints: new Set([f.endpoint]) });
      else {
        // An exchange with the same finding twice (one per hop) still counts once.
        if (group.exchanges.at(-1) !== index) group.exchanges.push(index);
        // A server-wide problem (exchange-problems.ts) gathers the endpoints of its server.
        group.endpoints.add(f.endpoint);
      }
    }
  });
  const problems: Problem[] = [];
  for (const [key, { first, exchanges, endpoints }] of groups) {
    const { key: _key, ...rest } = first;
    problems.push({ id: problemId(key), ...rest, endpoints: [...endpoints], count: exchanges.length, exchanges });
  }
  return problems.sort(byImpact);
}
