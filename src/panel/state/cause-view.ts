// The real cause behind each row (src/core/cause), computed in the panel from the analyses the
// recorder sends, so the recorder's hot path is untouched. The list's tag needs no context (the
// code and tag never depend on it); the detail view's message does, and that context is built
// once per log state (the log's maps are immutable, so a WeakMap cache is safe) and only while
// a detail view is open.
import type { Cause } from '../../core/cause/cause';
import { findCause } from '../../core/cause/find-cause';
import { buildRecordingContext, EMPTY_CONTEXT, type RecordingContext } from '../../core/cause/recording-context';
import type { RecordedExchange } from '../../core/protocol';
import type { ExchangeLog } from './panel-state';

const rowCauses = new WeakMap<RecordedExchange, Cause | null>();

/** The cause as the list shows it (its tag), without the rest of the recording. */
export function rowCause(entry: RecordedExchange): Cause | null {
  let cause = rowCauses.get(entry);
  if (cause === undefined) {
    cause = findCause(entry.exchange, entry.analysis, EMPTY_CONTEXT);
    rowCauses.set(entry, cause);
  }
  return cause;
}

const contexts = new WeakMap<ExchangeLog['byId'], RecordingContext>();

function contextOf(log: ExchangeLog): RecordingContext {
  let context = contexts.get(log.byId);
  if (!context) {
    context = buildRecordingContext(Array.from(log.byId.values(), (e) => e.exchange));
    contexts.set(log.byId, context);
  }
  return context;
}

/** The cause with what the whole log shows about its endpoint (stronger when corroborated). */
export function detailCause(entry: RecordedExchange, log: ExchangeLog): Cause | null {
  if (!rowCause(entry)) return null;
  return findCause(entry.exchange, entry.analysis, contextOf(log));
}
