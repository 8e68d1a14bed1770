// What one list row shows, derived once per recorded entry (entries are immutable, so a WeakMap
// cache is safe) so that filtering 20,000 rows per keystroke is a string search, not a re-derivation.
import type { ExchangeType } from '../../core/analysis';
import type { RecordedExchange } from '../../core/protocol';
import { cacheTag } from '../../core/cache/cache-facts';
import { exchangeCacheFacts } from './cache-view';
import { rowCause } from './cause-view';

/** The verdict as the list shows it: allowed with warnings is its own state. */
export type RowVerdict = 'allowed' | 'blocked' | 'warning' | 'unknown';

export interface RowView {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly origin: string;
  readonly type: ExchangeType;
  readonly verdict: RowVerdict;
  /**
   * For `unknown`: the likely verdict under the stated assumption (analysis `likely`), shown as
   * "likely allowed" in muted text, not as an alarm; filters still see `unknown`.
   */
  readonly likely?: 'allowed' | 'blocked';
  /** HTTP status of the last hop, or `(failed)` like the Network panel when nothing came back. */
  readonly status: string;
  /** The browser's error (`net::ERR_FAILED`), shown as the status tooltip. */
  readonly error: string;
  readonly reason: string;
  /** The real cause's short tag (`502 · no CORS on errors`), '' when none (src/core/cause). */
  readonly cause: string;
  /** `from cache`, `from CDN (age 120 s)`: a cache answered (src/core/cache); '' when none did. */
  readonly cache: string;
}

const cache = new WeakMap<RecordedExchange, RowView>();

/** The verdict column's words: "likely allowed" where only the assumption decides. */
export function verdictLabel(row: RowView): string {
  return row.likely ? `likely ${row.likely}` : row.verdict;
}

function statusOf(entry: RecordedExchange): string {
  const { hops } = entry.exchange;
  const last = hops[hops.length - 1];
  // A CORS-blocked response still has the server's status (Chromium then adds net::ERR_FAILED).
  return last?.response ? String(last.response.status) : '(failed)';
}

/** Only warnings worth acting on turn a row amber; `info` and `low` ones show in the details. */
const NOTABLE = new Set(['medium', 'high']);

function verdictOf(entry: RecordedExchange): RowVerdict {
  const { verdict, warnings } = entry.analysis;
  if (verdict === 'allowed' && warnings.some((w) => NOTABLE.has(w.severity))) return 'warning';
  return verdict;
}

function reasonOf(entry: RecordedExchange): string {
  const a = entry.analysis;
  if (a.reasons[0]) return a.reasons[0].message;
  if (a.verdict === 'unknown') return a.likelyBecause ?? a.dependsOn ?? 'Not enough data to decide.';
  // Minor warnings stay in the details, so the column reads as "what needs attention".
  return a.warnings.find((w) => NOTABLE.has(w.severity))?.message ?? '';
}

function cacheOf(entry: RecordedExchange): string {
  const facts = exchangeCacheFacts(entry.exchange);
  return facts ? cacheTag(facts) : '';
}

export function rowView(entry: RecordedExchange): RowView {
  const cached = cache.get(entry);
  if (cached) return cached;
  const first = entry.exchange.hops[0];
  const method = first?.request.method ?? '';
  const url = first?.request.url ?? '';
  const origin = entry.exchange.initiatorOrigin ?? 'null';
  const reason = reasonOf(entry);
  const view: RowView = {
    id: entry.exchange.id,
    method,
    url,
    origin,
    type: entry.analysis.type,
    verdict: verdictOf(entry),
    ...(entry.analysis.verdict === 'unknown' && entry.analysis.likely ? { likely: entry.analysis.likely } : {}),
    status: statusOf(entry),
    error: entry.exchange.error ?? '',
    reason,
    cause: rowCause(entry)?.tag ?? '',
    cache: cacheOf(entry),
  };
  cache.set(entry, view);
  return view;
}

const searchCache = new WeakMap<RowView, string>();

/**
 * Lower-cased method, URL, origin, reason and error, for the text filter. Built on first use, so
 * the first render of a large log does not pay for it.
 */
export function searchText(row: RowView): string {
  let text = searchCache.get(row);
  if (text === undefined) {
    text = `${row.method}\n${row.url}\n${row.origin}\n${row.cause}\n${row.cache}\n${row.reason}\n${row.error}`.toLowerCase();
    searchCache.set(row, text);
  }
  return text;
}
