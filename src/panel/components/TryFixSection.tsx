// *Try this fix*: the suggested headers are set on this request's responses, in this tab only, by
// declarativeNetRequest session rules (the background adds them: src/background/override), then
// the request is re-run from the page. The browser decides again; the new exchange is shown here
// beside the old one, and is recorded in the list like any other.
import { useMemo, useState } from 'preact/hooks';
import { overridePlan } from '../../core/override/override-plan';
import type { RecordedExchange } from '../../core/protocol';
import { rerunExpression, rerunPlan, type RerunPlan } from '../../core/rerun/rerun-plan';
import type { OverrideController } from '../override-store';
import { rowView, verdictLabel } from '../state/row-view';
import type { Rerun } from './RerunSection';
import { useOverrides } from './use-overrides';

export interface TryFixProps {
  readonly entry: RecordedExchange;
  readonly controller: OverrideController;
  readonly rerun: Rerun;
  /** Every exchange of the live log, to find the one the re-run made. */
  readonly entries: readonly RecordedExchange[];
}

/** The newest exchange of the same request recorded after `since` (a seq). */
function recordedAfter(entries: readonly RecordedExchange[], plan: RerunPlan, since: number): RecordedExchange | undefined {
  let found: RecordedExchange | undefined;
  for (const e of entries) {
    const first = e.exchange.hops[0]?.request;
    if (e.seq > since && first?.url === plan.url && first.method === plan.method && (!found || e.seq > found.seq)) found = e;
  }
  return found;
}

function Verdict({ entry }: { entry: RecordedExchange }) {
  const row = rowView(entry);
  return <span class={`badge verdict-${row.verdict}`}>{verdictLabel(row)}</span>;
}

export function TryFixSection({ entry, controller, rerun, entries }: TryFixProps) {
  const choice = useMemo(() => overridePlan(entry.exchange, entry.analysis), [entry]);
  const overrides = useOverrides(controller);
  const [since, setSince] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  if (!choice) return null;
  if (!choice.ok) {
    return (
      <section aria-label="Try this fix">
        <h3>Try this fix</h3>
        <p class="muted">{choice.why}</p>
      </section>
    );
  }
  const { plan } = choice;
  const active = controller.find(plan) ?? overrides.find((o) => o.plan.url === plan.url && o.plan.method === plan.method);
  const again = rerunPlan(entry.exchange, entry.analysis);
  const credentials = again.credentials ?? 'same-origin';
  const after = since === null ? undefined : recordedAfter(entries, again, since);
  const onTry = (): void => {
    const mark = entries.reduce((max, e) => Math.max(max, e.seq), entry.seq);
    setStatus('Adding the override…');
    controller
      .tryFix(plan)
      .then(() => {
        setSince(mark);
        return rerun(rerunExpression(again, credentials));
      })
      .then(
        () => setStatus('Override active. The request was sent again from the page.'),
        (error: unknown) => setStatus(`Could not try the fix: ${error instanceof Error ? error.message : String(error)}`),
      );
  };
  return (
    <section aria-label="Try this fix">
      <h3>Try this fix</h3>
      <p class="muted">
        Sets exactly the headers above on the {plan.preflight ? 'preflight (OPTIONS) and ' : ''}
        {plan.response ? `${plan.method} ` : ''}responses of {plan.url}, in this tab only, until you remove it or close DevTools; then sends the request again
        {again.credentials ? '' : ' without credentials (the record does not say)'}. The browser decides.
        {plan.preflight && ' The preflight also gets Access-Control-Max-Age: 0, so the browser does not keep its result after Remove.'}
      </p>
      <div class="curl-bar">
        {active ? (
          <button type="button" onClick={() => controller.remove(active.id)}>
            Remove
          </button>
        ) : (
          <button type="button" onClick={onTry}>
            Try this fix
          </button>
        )}
        {status && (
          <span role="status" class="muted">
            {status}
          </span>
        )}
      </div>
      {after && (
        <p data-testid="try-fix-result">
          Before: <Verdict entry={entry} /> → after: <Verdict entry={after} /> <span class="muted">
            (status {rowView(after).status}, decided by the browser{after.exchange.overridden ? '; recorded with the override’s headers' : ''})
          </span>
        </p>
      )}
    </section>
  );
}
