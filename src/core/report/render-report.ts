// One entry for every report format, shared by `cors-lens analyze --format` and the panel.

import { htmlReport } from './html-report';
import { junitReport } from './junit-report';
import { markdownReport } from './markdown-report';
import { buildReport, prepareItems, type ReportItem, type ReportOptions } from './report-model';
import { sarifReport } from './sarif-report';

export const REPORT_FORMATS = ['markdown', 'html', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions extends ReportOptions {
  /** Our version, for SARIF's tool.driver.version. */
  readonly toolVersion?: string;
}

export function renderReport(format: ReportFormat, items: readonly ReportItem[], options: RenderOptions = {}): string {
  switch (format) {
    case 'markdown':
      return markdownReport(buildReport(items, options));
    case 'html':
      return htmlReport(buildReport(items, options));
    case 'junit':
      return junitReport(prepareItems(items, options.redact ?? true));
    case 'sarif':
      return sarifReport(prepareItems(items, options.redact ?? true), options.toolVersion ?? '0.0.0');
  }
}
