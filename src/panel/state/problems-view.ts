// The Problems view's data (src/core/problems): the log's findings grouped into problems, with
// the security audit, kept cheap for thousands of exchanges. Entries are immutable, so each
// one's own audit and findings are computed once (WeakMap); what is redone per log state is one
// pass over the exchanges for the cross-exchange audit and one grouping pass, both linear.
import type { AuditFinding } from '../../core/audit/finding';
import { uniqueByCode } from '../../core/audit/finding';
import { type AnswerObservation, auditObservations, observeExchange } from '../../core/audit/endpoint-audit';
import { auditExchange } from '../../core/audit/exchange-audit';
import { exchangeProblems } from '../../core/problems/exchange-problems';
import { groupFindings } from '../../core/problems/group-problems';
import { preflightCostFindings } from '../../core/problems/preflight-cost';
import { withCosts } from '../../core/problems/problems';
import type { Problem, ProblemFinding } from '../../core/problems/problems';
import type { RecordedExchange } from '../../core/protocol';
import { rowCause } from './cause-view';
import { entriesOf, type ExchangeLog } from './panel-state';

export interface LogProblems {
  /** The log's entries in display order: a problem's `exchanges` index into this. */
  readonly entries: readonly RecordedExchange[];
  readonly problems: readonly Problem[];
}

const ownAudits = new WeakMap<RecordedExchange, readonly AuditFinding[]>();

function ownAudit(entry: RecordedExchange): readonly AuditFinding[] {
  let found = ownAudits.get(entry);
  if (!found) {
    found = auditExchange(entry.exchange, entry.analysis);
    ownAudits.set(entry, found);
  }
  return found;
}

const observations = new WeakMap<RecordedExchange, readonly AnswerObservation[]>();

function observed(entry: RecordedExchange): readonly AnswerObservation[] {
  let found = observations.get(entry);
  if (!found) {
    found = observeExchange(entry.exchange);
    observations.set(entry, found);
  }
  return found;
}

interface CachedFindings {
  readonly audit: readonly AuditFinding[];
  readonly auditKey: string;
  readonly findings: readonly ProblemFinding[];
}

const findingsCache = new WeakMap<RecordedExchange, CachedFindings>();

const auditKeyOf = (audit: readonly AuditFinding[]): string => audit.map((f) => `${f.code}\u0000${f.severity}\u0000${f.message}`).join('\u0001');

/** An entry's findings; recomputed only when its audit changed (another exchange of its endpoint arrived). */
function findingsOf(entry: RecordedExchange, audit: readonly AuditFinding[]): readonly ProblemFinding[] {
  const cached = findingsCache.get(entry);
  // Most entries have only their own (memoized, so identical) findings: no key to build.
  if (cached && cached.audit === audit) return cached.findings;
  const auditKey = auditKeyOf(audit);
  if (cached && cached.auditKey === auditKey) return cached.findings;
  // The row's cause (no recording context): its code and tag are all the grouping key uses.
  const findings = exchangeProblems({ exchange: entry.exchange, analysis: entry.analysis, cause: rowCause(entry) }, audit);
  findingsCache.set(entry, { audit, auditKey, findings });
  return findings;
}

export function computeProblems(entries: readonly RecordedExchange[]): Problem[] {
  const byEndpoint = new Map<string, AuditFinding[]>();
  for (const e of auditObservations(entries.map(observed))) for (const id of e.exchangeIds) byEndpoint.set(id, [...(byEndpoint.get(id) ?? []), e.finding]);
  const costs = preflightCostFindings(entries);
  return groupFindings(
    entries.map((entry, i) => {
      const shared = byEndpoint.get(entry.exchange.id);
      // The same merge as auditRecording: its own findings, then its endpoint's, one per code.
      const audit = shared ? uniqueByCode([...ownAudit(entry), ...shared]) : ownAudit(entry);
      return withCosts(findingsOf(entry, audit), costs[i]);
    }),
  );
}

const cache = new WeakMap<ExchangeLog['order'], { readonly byId: ExchangeLog['byId']; readonly result: LogProblems }>();

/** Memoized per log state (its `order` and `byId` are replaced whenever an exchange arrives or changes). */
export function logProblems(log: ExchangeLog): LogProblems {
  const cached = cache.get(log.order);
  if (cached && cached.byId === log.byId) return cached.result;
  const entries = entriesOf(log);
  const result = { entries, problems: computeProblems(entries) };
  cache.set(log.order, { byId: log.byId, result });
  return result;
}
