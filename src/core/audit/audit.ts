// The passive audit of a recording: per-exchange findings plus the cross-exchange ones, and the
// merge into an Analysis so the panel and the CLI show them with the analyzer's own warnings.

import type { Analysis } from '../analysis';
import type { AuditInput, EndpointFinding } from './endpoint-audit';
import { auditEndpoints } from './endpoint-audit';
import { auditExchange } from './exchange-audit';
import type { AuditFinding } from './finding';
import { uniqueByCode } from './finding';

export interface AuditResult {
  /** Findings per exchange id: its own, then its endpoint's; most severe first, one per code. */
  readonly byExchange: ReadonlyMap<string, readonly AuditFinding[]>;
  readonly endpoints: readonly EndpointFinding[];
}

export function auditRecording(items: readonly AuditInput[]): AuditResult {
  const endpoints = auditEndpoints(items);
  const byEndpointId = new Map<string, AuditFinding[]>();
  for (const e of endpoints) for (const id of e.exchangeIds) byEndpointId.set(id, [...(byEndpointId.get(id) ?? []), e.finding]);
  const byExchange = new Map<string, readonly AuditFinding[]>();
  for (const { exchange, analysis } of items) {
    const found = uniqueByCode([...auditExchange(exchange, analysis), ...(byEndpointId.get(exchange.id) ?? [])]);
    if (found.length > 0) byExchange.set(exchange.id, found);
  }
  return { byExchange, endpoints };
}

/**
 * The analysis with its audit findings among the warnings. A lifted analyzer warning is replaced
 * by its finding (same code, same message, plus attack and fix), so nothing shows twice.
 */
export function withAudit(analysis: Analysis, findings: readonly AuditFinding[]): Analysis {
  if (findings.length === 0) return analysis;
  const codes = new Set(findings.map((f) => f.code));
  return { ...analysis, warnings: [...analysis.warnings.filter((w) => !codes.has(w.code)), ...findings] };
}
