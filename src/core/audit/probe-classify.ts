// Classify what the server did with each crafted origin, the way CORScanner and Corsy do
// (reflects any origin, trusts null, prefix/suffix match, trusts http, trusts subdomains), and
// audit the answers themselves with the passive checks. Pure: the same input gives the same report.

import { analyzeExchange } from '../analyze';
import { getHeader, splitList } from '../headers';
import type { Exchange, Hop } from '../model';
import { finding, trustSeverity, type AuditCode } from './advice';
import { auditExchange } from './exchange-audit';
import type { AuditFinding } from './finding';
import { uniqueByCode } from './finding';
import type { OriginVerdict, ProbeExchange, ProbeOriginKind } from './probe-types';

export interface ProbeClassification {
  readonly origins: OriginVerdict[];
  readonly findings: AuditFinding[];
  readonly classification: string[];
}

function verdictFor(kind: ProbeOriginKind, origin: string, answers: readonly ProbeExchange[]): OriginVerdict {
  let accepted = false;
  let wildcard = false;
  let credentials = false;
  for (const { response } of answers) {
    if (!response || response.redirected) continue;
    const acao = getHeader(response.headers, 'Access-Control-Allow-Origin');
    if (acao === '*') wildcard = true;
    if (acao !== origin) continue;
    accepted = true;
    // Fetch §4.9 CORS check: only the exact value `true` allows credentials.
    if (getHeader(response.headers, 'Access-Control-Allow-Credentials') === 'true') credentials = true;
  }
  return { kind, origin, accepted, wildcard, credentials };
}

const TRUST: ReadonlyArray<{ kind: ProbeOriginKind; code: AuditCode; weak?: boolean; what: string }> = [
  { kind: 'random', code: 'reflects-any-origin', what: 'an unrelated origin' },
  { kind: 'null', code: 'allow-origin-null', what: 'the origin "null"' },
  { kind: 'suffixed', code: 'prefix-match', what: 'an attacker domain that starts with the page\'s host' },
  { kind: 'prefixed', code: 'suffix-match', what: 'an attacker domain that ends with the page\'s host' },
  { kind: 'http', code: 'trusts-http-origin', what: 'the page\'s host over plain http' },
  { kind: 'subdomain', code: 'trusts-subdomains', weak: true, what: 'a subdomain of the page\'s host' },
];

/** Reflecting any origin implies the narrower host tricks; report it alone, like the scanners do. */
const IMPLIED_BY_REFLECTION = new Set<AuditCode>(['prefix-match', 'suffix-match', 'trusts-http-origin', 'trusts-subdomains']);

function trustFindings(origins: readonly OriginVerdict[]): AuditFinding[] {
  const out: AuditFinding[] = [];
  const reflects = origins.some((o) => o.kind === 'random' && o.accepted);
  for (const rule of TRUST) {
    const verdict = origins.find((o) => o.kind === rule.kind);
    if (!verdict?.accepted || (reflects && IMPLIED_BY_REFLECTION.has(rule.code))) continue;
    const creds = verdict.credentials ? ' and allowed credentials' : ' (without credentials)';
    out.push(finding(rule.code, trustSeverity(verdict.credentials, rule.weak), `The server accepted ${rule.what}, ${verdict.origin}${creds}.`, 'Access-Control-Allow-Origin', 'probe'));
  }
  return out;
}

/** Access-Control-Allow-Origin changed with the Origin sent, and some answer lacks Vary: Origin. */
function varyFinding(answers: readonly ProbeExchange[]): AuditFinding[] {
  const responses = answers.flatMap((a) => (a.response && !a.response.redirected ? [a.response] : []));
  const values = new Set(responses.map((r) => getHeader(r.headers, 'Access-Control-Allow-Origin') ?? ''));
  if (values.size < 2) return [];
  const missing = responses.some((r) => !splitList(getHeader(r.headers, 'Vary') ?? '').some((v) => v.toLowerCase() === 'origin' || v === '*'));
  if (!missing) return [];
  return [finding('allow-origin-without-vary', 'medium', 'Access-Control-Allow-Origin changes with the Origin sent, but not every answer carries Vary: Origin.', 'Vary', 'probe')];
}

/** Each origin's preflight and simple answer as one recorded exchange, for the passive checks. */
function asExchange(kind: ProbeOriginKind, origin: string, answers: readonly ProbeExchange[]): Exchange | null {
  const simple = answers.find((a) => a.request.stage === 'simple');
  const preflight = answers.find((a) => a.request.stage === 'preflight');
  if (!simple?.response || simple.response.redirected || origin === 'null') return null;
  const hop: Hop = { request: { method: 'GET', url: simple.request.url, headers: simple.request.headers }, response: simple.response };
  const preflights = preflight?.response ? [{ request: { method: 'OPTIONS', url: preflight.request.url, headers: preflight.request.headers }, response: preflight.response }] : [];
  return { id: `probe:${kind}`, initiatorOrigin: origin, hops: [hop], preflights, startedAt: 0, mode: 'cors' };
}

export function classifyProbe(sent: readonly ProbeExchange[]): ProbeClassification {
  const byOrigin = new Map<string, { kind: ProbeOriginKind; answers: ProbeExchange[] }>();
  for (const x of sent) {
    const group = byOrigin.get(x.request.origin) ?? { kind: x.request.kind, answers: [] };
    group.answers.push(x);
    byOrigin.set(x.request.origin, group);
  }
  const origins = [...byOrigin].map(([origin, { kind, answers }]) => verdictFor(kind, origin, answers));
  const passive: AuditFinding[] = [];
  for (const [origin, { kind, answers }] of byOrigin) {
    const exchange = asExchange(kind, origin, answers);
    if (exchange) passive.push(...auditExchange(exchange, analyzeExchange(exchange)).map((f) => ({ ...f, source: 'probe' as const })));
  }
  const trust = trustFindings(origins);
  const findings = uniqueByCode([...trust, ...varyFinding(sent), ...passive]);
  return { origins, findings, classification: trust.length === 0 ? ['correct'] : uniqueByCode(trust).map((f) => f.code) };
}
