// One problem: the reason, the real cause when there is one, the fix and the server
// configuration once, and the exchanges it affects, each one click from today's detail view.
import { useMemo } from 'preact/hooks';
import { causeHasConfig } from '../../core/cause/cause-config';
import type { Cause } from '../../core/cause/cause';
import type { Problem } from '../../core/problems/problems';
import type { RecordedExchange } from '../../core/protocol';
import { rowView, verdictLabel } from '../state/row-view';
import { CauseSection } from './CauseSection';
import { FixSection, hasFix } from './FixSection';
import { problemBadge, ProblemWhere, severityClass } from './ProblemList';
import { ServerSnippets } from './ServerSnippets';

/** How many affected exchanges are listed; the count says how many there are in all. */
const MAX_LISTED = 200;

export interface ProblemDetailProps {
  readonly problem: Problem;
  /** The log's entries, in the order the problem's `exchanges` index. */
  readonly entries: readonly RecordedExchange[];
  /** The cause of the problem's first exchange, with what the whole log shows (cause-view.ts). */
  readonly cause: Cause | null;
  readonly onOpenExchange: (id: string) => void;
}

function AffectedExchanges({ problem, entries, onOpenExchange }: Omit<ProblemDetailProps, 'cause'>) {
  const rows = useMemo(() => problem.exchanges.slice(0, MAX_LISTED).flatMap((i) => (entries[i] ? [rowView(entries[i])] : [])), [problem, entries]);
  return (
    <section>
      <h3>Affected exchanges ({problem.count})</h3>
      <ul class="affected" data-testid="affected-exchanges">
        {rows.map((row) => (
          <li key={row.id}>
            <button type="button" class="link-button" data-exchange-id={row.id} onClick={() => onOpenExchange(row.id)}>
              <span class="method">{row.method}</span> <span class="url">{row.url}</span>
            </button>{' '}
            <span class="muted">
              {row.status} · {verdictLabel(row)}
            </span>
          </li>
        ))}
      </ul>
      {problem.count > rows.length && <p class="muted">and {problem.count - rows.length} more</p>}
    </section>
  );
}

export function ProblemDetail({ problem, entries, cause, onOpenExchange }: ProblemDetailProps) {
  const example = entries[problem.exchanges[0] ?? -1];
  // As in the detail view: the header list only where adding headers is the fix.
  const headerFix = problem.kind === 'blocked' && (!cause || (causeHasConfig(cause) && !cause.corroborated));
  // The detail view's rule (DetailView.tsx), for the problem's first exchange.
  const config = cause ? causeHasConfig(cause) : problem.kind === 'blocked' && hasFix(problem.fix);
  return (
    <aside class="detail problem-detail" aria-label="Problem details" data-problem-id={problem.id}>
      <header class="detail-head">
        <h2>
          <ProblemWhere problem={problem} />
        </h2>
        <p class="badges">
          <span class={`badge ${severityClass(problem)}`}>{problemBadge(problem)}</span>
          <span class="badge">{problem.code}</span>
          <span class="muted" data-testid="problem-count">
            {problem.count} {problem.count === 1 ? 'exchange' : 'exchanges'} · from {problem.initiatorOrigin ?? 'null'}
          </span>
        </p>
      </header>
      {cause && <CauseSection cause={cause} />}
      <section>
        <h3>{problem.kind === 'blocked' ? 'Why' : 'What'}</h3>
        <p class={problem.kind === 'blocked' ? 'reason-message' : undefined}>{problem.message}</p>
        {problem.attack !== undefined && (
          <p>
            <strong>Attack:</strong> {problem.attack}
          </p>
        )}
      </section>
      {problem.kind === 'blocked' ? headerFix && <FixSection fix={problem.fix} /> : problem.fix.note !== undefined && !cause && (
        <section>
          <h3>Suggested fix</h3>
          <p class="fix-note">{problem.fix.note}</p>
        </section>
      )}
      {problem.endpoints.length > 1 && (
        <section>
          <h3>Endpoints ({problem.endpoints.length})</h3>
          <p class="muted">One setting of the server fixes it at every one of them.</p>
          <ul class="endpoints" data-testid="problem-endpoints">
            {problem.endpoints.map((e) => (
              <li key={e} class="url">
                {e}
              </li>
            ))}
          </ul>
        </section>
      )}
      {config && example && <ServerSnippets exchange={example.exchange} analysis={example.analysis} cause={cause} />}
      <AffectedExchanges problem={problem} entries={entries} onOpenExchange={onOpenExchange} />
    </aside>
  );
}
