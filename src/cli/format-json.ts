// `--json` output. The field names of each exchange (url, method, initiatorOrigin, entry,
// preflightEntry, type, verdict, reasons, fix, warnings) are a public interface that CI
// pipelines parse: add fields, never rename or remove. Added so far: id, status,
// credentials, dependsOn, requestOrigin, crossOrigin, audit (security findings, src/core/audit),
// cause (the real cause behind a failure, src/core/cause: { code, tag, message, evidence, fix, ... }, or null),
// likely and likelyBecause (for `unknown` that hangs on the credentials mode, src/core/likely.ts).
// Same-origin exchanges are included (they are exchanges too, with crossOrigin false);
// `--only cross-origin` leaves them out.

import type { AuditFinding } from '../core/audit/finding';
import type { AnalyzedExchange } from '../core/har/analyze-har';
import type { AuditLookup } from './audit-lines';

export function exchangeJson({ exchange, analysis, entry, preflightEntry, crossOrigin, cause }: AnalyzedExchange, audit: readonly AuditFinding[] = []): Record<string, unknown> {
  const first = exchange.hops[0];
  const last = exchange.hops.at(-1);
  return {
    url: first?.request.url ?? '',
    method: first?.request.method ?? '',
    initiatorOrigin: exchange.initiatorOrigin,
    entry,
    preflightEntry,
    type: analysis.type,
    verdict: analysis.verdict,
    reasons: analysis.reasons,
    fix: {
      preflight: analysis.fix.preflight,
      preflightStatus: analysis.fix.preflightStatus,
      response: analysis.fix.response,
      ...(analysis.fix.note !== undefined ? { note: analysis.fix.note } : {}),
    },
    warnings: analysis.warnings,
    id: exchange.id,
    status: last?.response?.status ?? null,
    credentials: analysis.credentials,
    dependsOn: analysis.dependsOn ?? null,
    requestOrigin: analysis.requestOrigin,
    crossOrigin,
    audit,
    cause: cause ?? null,
    likely: analysis.likely ?? null,
    likelyBecause: analysis.likelyBecause ?? null,
  };
}

export function formatJson(exchanges: readonly AnalyzedExchange[], audit?: AuditLookup): string {
  return `${JSON.stringify({ exchanges: exchanges.map((x) => exchangeJson(x, audit?.get(x.exchange.id))) }, null, 2)}\n`;
}

/**
 * The text of `formatJson` (JSON.stringify with two spaces), written in pieces of about a
 * megabyte, so that the output for a large recording is never one string in memory.
 */
export function writeJson(rows: readonly AnalyzedExchange[], toJson: (x: AnalyzedExchange) => unknown, write: (text: string) => void): void {
  if (rows.length === 0) {
    write('{\n  "exchanges": []\n}\n');
    return;
  }
  let out = '{\n  "exchanges": [\n';
  rows.forEach((x, i) => {
    // JSON strings hold no raw newline, so every newline is one JSON.stringify wrote for layout.
    out += `${i > 0 ? ',\n' : ''}    ${JSON.stringify(toJson(x), null, 2).replace(/\n/g, '\n    ')}`;
    if (out.length > 1 << 20) {
      write(out);
      out = '';
    }
  });
  write(`${out}\n  ]\n}\n`);
}
