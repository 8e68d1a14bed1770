// The Problems view's list: each problem once (one cause at one endpoint, src/core/problems) with
// its severity, how many exchanges it affects and where. Problems number in the tens even when
// exchanges number in the thousands, so this list is not virtualised.
import { originOf } from '../../core/origin';
import type { Problem } from '../../core/problems/problems';

/** The badge's words: blocked and failed say what happened, the others their severity. */
export function problemBadge(p: Problem): string {
  return p.kind === 'blocked' || p.kind === 'failed' ? p.kind : `${p.kind} · ${p.severity}`;
}

export function severityClass(p: Problem): string {
  if (p.severity === 'error' || p.severity === 'high') return 'verdict-blocked';
  return p.severity === 'medium' ? 'verdict-warning' : 'muted';
}

/** `GET https://api.example/users/:id`, or for a server-wide problem `11 endpoints of https://api.example`. */
export function ProblemWhere({ problem }: { readonly problem: Problem }) {
  if (problem.endpoints.length > 1) {
    return (
      <span class="url" title={problem.endpoints.join('\n')}>
        {problem.endpoints.length} endpoints of {originOf(problem.endpoint) ?? problem.endpoint}
      </span>
    );
  }
  return (
    <>
      <span class="method">{problem.method}</span> <span class="url">{problem.endpoint}</span>
    </>
  );
}

export interface ProblemListProps {
  readonly problems: readonly Problem[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
}

export function ProblemList({ problems, selectedId, onSelect }: ProblemListProps) {
  if (problems.length === 0) return <div class="list problem-list empty">No problems: every cross-origin exchange passes without a warning.</div>;
  return (
    <div class="list problem-list" role="listbox" aria-label="Problems" data-testid="problem-list">
      {problems.map((p) => (
        <button
          type="button"
          key={p.id}
          role="option"
          aria-selected={p.id === selectedId}
          class={`problem-row${p.id === selectedId ? ' selected' : ''}`}
          data-problem-id={p.id}
          data-kind={p.kind}
          data-code={p.code}
          data-count={p.count}
          onClick={() => onSelect(p.id)}
        >
          <span class={`badge ${severityClass(p)}`}>{problemBadge(p)}</span>
          <span class="problem-count" title={`${p.count} affected ${p.count === 1 ? 'exchange' : 'exchanges'}`}>
            ×{p.count}
          </span>
          <span class="problem-what">
            <code>{p.cause ? p.cause.tag : p.code}</code> <ProblemWhere problem={p} />
          </span>
          <span class="muted problem-origin">from {p.initiatorOrigin ?? 'null'}</span>
        </button>
      ))}
    </div>
  );
}
