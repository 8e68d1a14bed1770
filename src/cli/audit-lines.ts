// The security audit (src/core/audit) under each row of `cors-lens analyze`: one line per finding
// worth acting on, and the fix. `info` findings stay in --json only, to keep the table readable.

import type { AuditFinding } from '../core/audit/finding';

export type AuditLookup = ReadonlyMap<string, readonly AuditFinding[]>;

export function auditLines(findings: readonly AuditFinding[] | undefined): string[] {
  const lines: string[] = [];
  for (const f of findings ?? []) {
    if (f.severity === 'info') continue;
    lines.push(`audit ${f.severity}: ${f.code}: ${f.message}`, `  attack: ${f.attack}`, `  fix: ${f.fix}`);
  }
  return lines;
}

/** "audit: 1 high · 2 medium" over the rows shown, or '' when there is nothing to say. */
export function auditSummary(rows: readonly { readonly exchange: { readonly id: string } }[], audit: AuditLookup | undefined): string {
  const counts = new Map<string, number>();
  for (const row of rows) for (const f of audit?.get(row.exchange.id) ?? []) if (f.severity !== 'info') counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const parts = ['high', 'medium', 'low'].filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`);
  return parts.length === 0 ? '' : `audit: ${parts.join(' · ')}`;
}
