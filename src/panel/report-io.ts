// Export report: the HTML report for the server team (src/core/report) of the log the panel
// shows, live or imported, redacted like Export HAR unless the user opts out.
import { redactUrl } from '../core/redact';
import { renderReport } from '../core/report/render-report';
import { entriesOf, type ExchangeLog } from './state/panel-state';

export interface ReportExportOptions {
  readonly redact: boolean;
  /** The imported file's name, or null for the live log (its latest page URL is used). */
  readonly fileName: string | null;
  readonly now?: Date;
}

export function exportReportHtml(log: ExchangeLog, options: ReportExportOptions): string {
  const page = options.fileName ?? log.pages.at(-1)?.url ?? '';
  const source = options.redact ? redactUrl(page) : page;
  return renderReport('html', entriesOf(log), {
    redact: options.redact,
    ...(source ? { source } : {}),
    generatedAt: (options.now ?? new Date()).toISOString(),
  });
}

export function reportFileName(now: Date = new Date()): string {
  return `cors-report-${now.toISOString().replace(/[:.]/g, '-')}.html`;
}
