// A security finding about a server's CORS policy: a `Warning` (so the panel and the CLI can show
// it wherever they show warnings) plus what an attacker can do with it and the server-side fix.

import type { Warning } from '../analysis';

export interface AuditFinding extends Warning {
  /** What an attacker can do because of it, in one or two sentences. */
  readonly attack: string;
  /** The server-side change that removes it. */
  readonly fix: string;
  /** Where it comes from: one recorded exchange, several of one endpoint, or an active probe. */
  readonly source: 'exchange' | 'endpoint' | 'probe';
}

const RANK = { info: 0, low: 1, medium: 2, high: 3 } as const;

/** Most severe first; stable otherwise, so output does not reorder between runs. */
export function bySeverity(a: Warning, b: Warning): number {
  return RANK[b.severity] - RANK[a.severity];
}

/** One finding per code: the most severe wins (the same fault seen twice is still one fault). */
export function uniqueByCode<T extends Warning>(findings: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const f of findings) {
    const known = best.get(f.code);
    if (!known || RANK[f.severity] > RANK[known.severity]) best.set(f.code, f);
  }
  return [...best.values()].sort(bySeverity);
}
