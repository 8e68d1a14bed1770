// `cors-lens analyze <file.har> --format markdown|html|junit|sarif`: the report builders of
// src/core/report on the rows the table would show (cross-origin, or what --only asks for).

import { version } from '../../package.json';
import type { AnalyzedExchange } from '../core/har/analyze-har';
import { renderReport, type ReportFormat } from '../core/report/render-report';
import type { Snippet } from '../core/snippets/registry';

export interface ReportOutputOptions {
  readonly snippet: Snippet | null;
  /** The file name, or `<stdin>`. */
  readonly source: string;
  readonly includeCredentials: boolean;
}

export function reportOutput(format: ReportFormat, rows: readonly AnalyzedExchange[], options: ReportOutputOptions): string {
  // No generation time: the same HAR gives the same report, so CI can diff and cache it.
  return renderReport(format, rows, { snippet: options.snippet, source: options.source, redact: !options.includeCredentials, toolVersion: version });
}
