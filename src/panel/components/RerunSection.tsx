// Re-run: send the recorded request again from the inspected page (same method, URL, the page's
// own headers, credentials as recorded or, when the record cannot tell, as the user chooses).
// The new exchange is recorded like any other and appears in the list.
import { useState } from 'preact/hooks';
import type { RecordedExchange } from '../../core/protocol';
import { rerunExpression, rerunPlan, type RerunCredentials } from '../../core/rerun/rerun-plan';

export type Rerun = (expression: string) => Promise<void>;

const CREDENTIALS_LABEL: Record<RerunCredentials, string> = { include: 'with credentials', 'same-origin': 'without credentials' };

export function RerunSection({ entry, rerun }: { entry: RecordedExchange; rerun: Rerun }) {
  const plan = rerunPlan(entry.exchange, entry.analysis);
  const [status, setStatus] = useState<string | null>(null);
  const send = (credentials: RerunCredentials): void => {
    setStatus('Sending…');
    rerun(rerunExpression(plan, credentials)).then(
      () => setStatus(`Sent ${CREDENTIALS_LABEL[credentials]} from the page: the new exchange appears in the list.`),
      (error: unknown) => setStatus(`Could not re-run: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const choices: RerunCredentials[] = plan.credentials ? [plan.credentials] : ['include', 'same-origin'];
  return (
    <section aria-label="Re-run">
      <h3>Re-run from the page</h3>
      <p class="muted">
        {plan.method} {plan.url}
        {plan.headers.length > 0 && ` with ${plan.headers.map(([n]) => n).join(', ')}`}
        {plan.credentials ? `, ${CREDENTIALS_LABEL[plan.credentials]} (as recorded)` : '. The record does not say whether credentials were sent: choose.'}
      </p>
      {plan.notes.length > 0 && (
        <ul class="muted">
          {plan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div class="curl-bar">
        {choices.map((c) => (
          <button type="button" key={c} onClick={() => send(c)}>
            {plan.credentials ? 'Re-run' : `Re-run ${CREDENTIALS_LABEL[c]}`}
          </button>
        ))}
        {status && (
          <span role="status" class="muted">
            {status}
          </span>
        )}
      </div>
    </section>
  );
}
