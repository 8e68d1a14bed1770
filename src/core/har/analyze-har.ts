// Read a HAR and analyse every exchange in it: what `cors-lens analyze` and the panel's
// import both show, so that both give the same verdicts for the same file.

import type { Analysis } from '../analysis';
import { analyzeExchange, isCrossOrigin } from '../analyze';
import type { Cause } from '../cause/cause';
import { findCause } from '../cause/find-cause';
import { buildRecordingContext } from '../cause/recording-context';
import type { Exchange } from '../model';
import { readHar, readHarJson, type HarReadResult } from './read-har';
import type { SkippedEntry } from './validate-har';

export interface AnalyzedExchange {
  readonly exchange: Exchange;
  readonly analysis: Analysis;
  /** Index in `log.entries` of the request's first hop; null for a preflight whose request is not in the log. */
  readonly entry: number | null;
  /** Index of its first preflight, or null. */
  readonly preflightEntry: number | null;
  readonly crossOrigin: boolean;
  /** The real cause behind a failure, beside the browser's reason (src/core/cause); null when none. */
  readonly cause?: Cause | null;
}

export type HarAnalysis =
  | { readonly ok: true; readonly exchanges: readonly AnalyzedExchange[]; readonly entryCount: number; readonly skipped: readonly SkippedEntry[] }
  | { readonly ok: false; readonly error: string };

/** Analyse exchanges already read (the CLI reads them in a function of its own, see run.ts). */
export function analyzeRead(read: HarReadResult): HarAnalysis {
  if (!read.ok) return read;
  return { ok: true, exchanges: analyzeExchanges(read.exchanges), entryCount: read.entryCount, skipped: read.skipped };
}

/** Every exchange of one recording, analysed, each with its cause (also the Playwright fixture's). */
export function analyzeExchanges(recorded: readonly Exchange[]): AnalyzedExchange[] {
  // What the whole recording shows about each endpoint, gathered once for every exchange's cause.
  const context = buildRecordingContext(recorded);
  return recorded.map((exchange) => {
    const analysis = analyzeExchange(exchange);
    return {
      exchange,
      analysis,
      entry: exchange.hops[0]?.harIndex ?? null,
      preflightEntry: exchange.preflights[0]?.harIndex ?? null,
      crossOrigin: isCrossOrigin(exchange),
      cause: findCause(exchange, analysis, context),
    };
  });
}

export function analyzeHarText(text: string): HarAnalysis {
  return analyzeRead(readHar(text));
}

export function analyzeHarJson(json: unknown): HarAnalysis {
  return analyzeRead(readHarJson(json));
}
