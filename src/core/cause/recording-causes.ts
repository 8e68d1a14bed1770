// Causes for every exchange of a recording: the context is built once, then each exchange is
// judged against it (no rescans per exchange).

import type { Analysis } from '../analysis';
import type { Exchange } from '../model';
import type { Cause } from './cause';
import { findCause } from './find-cause';
import { buildRecordingContext } from './recording-context';

export interface CauseInput {
  readonly exchange: Exchange;
  readonly analysis: Analysis;
}

/** Cause per exchange id, for the exchanges that have one. */
export function causesOf(items: readonly CauseInput[]): Map<string, Cause> {
  const context = buildRecordingContext(items.map((x) => x.exchange));
  const out = new Map<string, Cause>();
  for (const { exchange, analysis } of items) {
    const cause = findCause(exchange, analysis, context);
    if (cause) out.set(exchange.id, cause);
  }
  return out;
}
