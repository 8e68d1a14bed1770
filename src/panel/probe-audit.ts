// The passive security audit of the selected exchange, with the exchanges of the same endpoint
// (an endpoint echoing several origins shows only across exchanges). Run for the selection only:
// auditing 20,000 rows on every update would cost the list its smoothness.

import { auditRecording } from '../core/audit/audit';
import type { AuditFinding } from '../core/audit/finding';
import { exactEndpointOf } from '../core/endpoint';
import type { RecordedExchange } from '../core/protocol';

export function auditSelected(entry: RecordedExchange, entries: readonly RecordedExchange[]): readonly AuditFinding[] {
  const endpoint = exactEndpointOf(entry.exchange.hops[0]?.request.url ?? '');
  const related = endpoint === null ? [] : entries.filter((e) => e !== entry && e.exchange.hops.some((h) => exactEndpointOf(h.request.url) === endpoint));
  return auditRecording([entry, ...related]).byExchange.get(entry.exchange.id) ?? [];
}
