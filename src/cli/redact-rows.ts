// What `cors-lens analyze` prints is redacted like an export (src/core/redact.ts): cookie and
// credential values, URL passwords and secret URL parameters, unless --include-credentials. Done
// on the analysed exchanges before anything is formatted, since the table shortens long URLs in
// the middle and would cut a parameter's name in two. Rows with nothing to redact are kept as
// they are (no copy: a large recording's rows are many).
import type { AnalyzedExchange } from '../core/har/analyze-har';
import { redactUrlsDeep } from '../core/redact';
import { redactAnalysis, redactExchange } from '../core/report/redact-exchange';

export function redactRow(row: AnalyzedExchange): AnalyzedExchange {
  const exchange = redactExchange(row.exchange);
  if (exchange === row.exchange) return row;
  return {
    ...row,
    exchange,
    analysis: redactAnalysis(row.analysis),
    ...(row.cause ? { cause: redactUrlsDeep(row.cause) } : {}),
  };
}
