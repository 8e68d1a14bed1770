// Export the shown log as HAR (with `_cors` analyses, redacted unless the user opts out) and
// import a HAR into a separate, read-only log analysed exactly as the CLI does.
import { analyzeExchange } from '../core/analyze';
import { readHar, type HarReadResult } from '../core/har/read-har';
import { writeHar } from '../core/har/write-har';
import type { BackgroundToPanel, RecordedExchange } from '../core/protocol';
import { backgroundMessage } from '../core/protocol';
import { applyMessagesToLog } from './state/apply-message';
import { EMPTY_LOG, type ExchangeLog, type ImportedLog, entriesOf } from './state/panel-state';

export function exportHarText(log: ExchangeLog, options: { redact: boolean }): string {
  const har = writeHar(entriesOf(log), { redact: options.redact, pages: log.pages });
  return JSON.stringify(har, null, 2);
}

export function exportFileName(now: Date = new Date()): string {
  return `cors-lens-${now.toISOString().replace(/[:.]/g, '-')}.har`;
}

export type ImportResult = { readonly ok: true; readonly imported: ImportedLog } | { readonly ok: false; readonly error: string };

/** What an import hands the panel: one snapshot, built where the file was read (the import worker). */
export type ImportSnapshot = BackgroundToPanel['snapshot'];

export type ImportAnalysis = { readonly ok: true; readonly snapshot: ImportSnapshot } | { readonly ok: false; readonly error: string };

/** How many skipped entries the panel names, each with its reason; the count covers them all. */
const SKIPPED_NAMED = 50;

/** Analyse a read HAR for the panel: the part of an import that runs in the worker. */
export function analyzeImport(fileName: string, read: HarReadResult): ImportAnalysis {
  if (!read.ok) return { ok: false, error: read.error };
  // Re-analyse rather than trust `_cors` in the file: the file may come from anywhere, and the
  // panel must agree with `cors-lens analyze` on it.
  const analysed = read.exchanges.map((exchange) => ({ exchange, analysis: analyzeExchange(exchange) }));
  // Like the live recorder: cross-origin exchanges are listed, same-origin ones only counted.
  const crossOrigin = analysed.filter((a) => a.analysis.type !== 'same-origin');
  const exchanges: RecordedExchange[] = crossOrigin.map((a, i) => ({ seq: i + 1, pageId: 0, ...a }));
  const page = { id: 0, url: fileName, startedAt: exchanges[0]?.exchange.startedAt ?? 0 };
  const skipped = read.skipped.length > 0 ? { skipped: read.skipped.length, skippedEntries: read.skipped.slice(0, SKIPPED_NAMED) } : {};
  const summary = { ...EMPTY_LOG.summary, sameOrigin: analysed.length - crossOrigin.length, ...skipped };
  return { ok: true, snapshot: { tabId: -1, pages: [page], exchanges, summary } };
}

/** The imported log the panel shows, from the snapshot of an import. */
export function importedLog(fileName: string, snapshot: ImportSnapshot): ImportedLog {
  return { fileName, log: applyMessagesToLog(EMPTY_LOG, [backgroundMessage('snapshot', snapshot)]) };
}

/** The whole import on the calling thread (tests; the panel reads files in its import worker). */
export function importHarText(fileName: string, text: string): ImportResult {
  const analysis = analyzeImport(fileName, readHar(text));
  return analysis.ok ? { ok: true, imported: importedLog(fileName, analysis.snapshot) } : analysis;
}
