// Export the shown log as HAR (with `_cors` analyses, redacted unless the user opts out) and
// import a HAR into a separate, read-only log analysed exactly as the CLI does.
import { analyzeExchange } from '../core/analyze';
import { readHar } from '../core/har/read-har';
import { writeHar } from '../core/har/write-har';
import type { BackgroundUpdate, BackgroundToPanel, RecordedExchange } from '../core/protocol';
import { message } from '../core/protocol';
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

export function importHarText(fileName: string, text: string): ImportResult {
  const read = readHar(text);
  if (!read.ok) return { ok: false, error: read.error };
  // Re-analyse rather than trust `_cors` in the file: the file may come from anywhere, and the
  // panel must agree with `cors-lens analyze` on it.
  const analysed = read.exchanges.map((exchange) => ({ exchange, analysis: analyzeExchange(exchange) }));
  // Like the live recorder: cross-origin exchanges are listed, same-origin ones only counted.
  const crossOrigin = analysed.filter((a) => a.analysis.type !== 'same-origin');
  const exchanges: RecordedExchange[] = crossOrigin.map((a, i) => ({ seq: i + 1, pageId: 0, ...a }));
  const page = { id: 0, url: fileName, startedAt: exchanges[0]?.exchange.startedAt ?? 0 };
  const summary = { ...EMPTY_LOG.summary, sameOrigin: analysed.length - crossOrigin.length };
  const snapshot = message<BackgroundToPanel, 'snapshot'>('snapshot', { tabId: -1, pages: [page], exchanges, summary });
  const log = applyMessagesToLog(EMPTY_LOG, [snapshot as BackgroundUpdate]);
  return { ok: true, imported: { fileName, log } };
}
