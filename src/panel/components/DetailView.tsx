// The selected exchange: verdict, why, warnings, the fix, server configuration, and the
// request/preflight/response hops side by side.
import { causeHasConfig } from '../../core/cause/cause-config';
import type { Cause } from '../../core/cause/cause';
import type { RecordedExchange } from '../../core/protocol';
import { CacheSection } from './CacheSection';
import { CauseSection } from './CauseSection';
import { rowView, verdictLabel } from '../state/row-view';
import { CurlSection } from './CurlSection';
import { ExchangeSides } from './ExchangeSides';
import type { ProbeController } from '../probe-store';
import { FixSection, hasFix } from './FixSection';
import { ProbeSection } from './ProbeSection';
import { ReasonSection, WarningsSection } from './ReasonSection';
import { type Rerun, RerunSection } from './RerunSection';
import type { OverrideController } from '../override-store';
import { TryFixSection } from './TryFixSection';
import { ServerSnippets } from './ServerSnippets';

const CREDENTIALS: Record<string, string> = {
  include: 'sent (a Cookie went to the other origin)',
  'omit-or-same-origin': 'not sent',
  unknown: 'not visible (no Cookie was sent, so the browser does not say)',
};

/**
 * The analyzer's header list is shown where adding headers is the fix: never for a cause fixed in
 * words, never headers the endpoint already sends on success (a corroborated error response).
 */
function showHeaderFix(cause: Cause | null): boolean {
  return !cause || (causeHasConfig(cause) && !cause.corroborated);
}

export interface DetailViewProps {
  readonly entry: RecordedExchange;
  readonly cause?: Cause | null;
  readonly redact: boolean;
  readonly onClose: () => void;
  readonly probe?: ProbeController | undefined;
  readonly rerun?: Rerun | undefined;
  /** *Try this fix*: live log in DevTools only (it re-runs from the page). */
  readonly overrides?: OverrideController | undefined;
  readonly entries?: readonly RecordedExchange[];
}

export function DetailView({ entry, cause = null, redact, onClose, probe, rerun, overrides, entries = [] }: DetailViewProps) {
  const { exchange, analysis } = entry;
  const row = rowView(entry);
  const headerFix = showHeaderFix(cause);
  return (
    <aside
      class="detail"
      aria-label="Exchange details"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Handled here, so DevTools does not also toggle its drawer (see ExchangeList).
        e.stopPropagation();
        onClose();
      }}
    >
      <header class="detail-head">
        <button type="button" class="close" onClick={onClose} aria-label="Close details" title="Close (Esc)">
          ×
        </button>
        <h2>
          <span class="method">{row.method}</span> <span class="url">{row.url}</span>
        </h2>
        <p class="badges">
          <span class={`badge verdict-${row.verdict}${row.likely ? ` likely-${row.likely}` : ''}`}>{verdictLabel(row)}</span>
          <span class="badge">{analysis.type}</span>
          {exchange.overridden && (
            <span class="badge" title="Recorded while a Try this fix override was active: some response headers are CORS Lens's, not the server's.">
              override
            </span>
          )}
          <span class="muted">
            from {row.origin} · credentials {CREDENTIALS[analysis.credentials] ?? analysis.credentials} · status {row.error ? `${row.status} ${row.error}` : row.status}
          </span>
        </p>
      </header>
      {entry.redactedAtRest && (
        <p class="banner banner-info" role="note" data-testid="redacted-at-rest">
          (redacted) Secret values of this exchange (cookies, Authorization, tokens in its URL) were not kept: CORS Lens keeps them in memory only,
          never on disk, and its background restarted since. They read [redacted] or redacted; Copy as cURL, Re-run and Export HAR with cookies and
          credentials cannot include them.
        </p>
      )}
      {cause && <CauseSection cause={cause} />}
      <CacheSection exchange={exchange} />
      <ReasonSection analysis={analysis} browserReason={cause !== null} />
      <WarningsSection analysis={analysis} />
      {headerFix && <FixSection fix={analysis.fix} />}
      {headerFix && overrides && rerun && <TryFixSection entry={entry} controller={overrides} rerun={rerun} entries={entries} />}
      {(cause ? causeHasConfig(cause) : hasFix(analysis.fix)) && <ServerSnippets exchange={exchange} analysis={analysis} cause={cause} />}
      {probe && <ProbeSection entry={entry} controller={probe} />}
      <CurlSection exchange={exchange} analysis={analysis} redact={redact} />
      {rerun && <RerunSection entry={entry} rerun={rerun} />}
      <section>
        <h3>Exchange</h3>
        <ExchangeSides exchange={exchange} reason={analysis.reasons[0]} />
      </section>
    </aside>
  );
}
