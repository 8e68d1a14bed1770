// Passive audit across exchanges: one answer cannot tell an allow-list from a server that echoes
// every Origin, but the same endpoint echoing several different origins is evidence of the latter.

import type { Analysis } from '../analysis';
import { getHeader } from '../headers';
import type { Exchange } from '../model';
import { exactEndpointOf } from '../endpoint';
import { originOf } from '../origin';
import { finding } from './advice';
import type { AuditFinding } from './finding';

export interface AuditInput {
  readonly exchange: Exchange;
  readonly analysis: Analysis;
}

export interface EndpointFinding {
  /** Origin and path of the endpoint, without the query. */
  readonly endpoint: string;
  readonly exchangeIds: readonly string[];
  readonly finding: AuditFinding;
}

/**
 * What one answer says about its endpoint's policy: the endpoint, the Origin sent and what came
 * back. Read once per exchange (`observeExchange`; the panel keeps them per recorded entry), so
 * auditing a growing log is one cheap pass over these, not a re-parse of every URL and header.
 */
export interface AnswerObservation {
  readonly exchangeId: string;
  readonly endpoint: string;
  /** The Origin request header sent. */
  readonly sent: string;
  /** Access-Control-Allow-Origin ('' when absent). */
  readonly acao: string;
  readonly credentials: boolean;
  readonly varies: boolean;
  /** The request went to the page's own origin: says nothing about the cross-origin policy. */
  readonly sameOrigin: boolean;
}

function varies(vary: string | null): boolean {
  return (vary ?? '').split(',').some((v) => ['origin', '*'].includes(v.trim().toLowerCase()));
}

/** Every answer of the exchange (hops, then preflights) to a request that carried Origin. */
export function observeExchange(exchange: Exchange): AnswerObservation[] {
  const out: AnswerObservation[] = [];
  for (const hop of [...exchange.hops, ...exchange.preflights]) {
    const sent = getHeader(hop.request.headers, 'Origin');
    const endpoint = exactEndpointOf(hop.request.url);
    if (!hop.response || sent === null || endpoint === null) continue;
    const headers = hop.response.headers;
    out.push({
      exchangeId: exchange.id,
      endpoint,
      sent,
      acao: getHeader(headers, 'Access-Control-Allow-Origin') ?? '',
      credentials: getHeader(headers, 'Access-Control-Allow-Credentials') === 'true',
      varies: varies(getHeader(headers, 'Vary')),
      sameOrigin: originOf(hop.request.url) === sent,
    });
  }
  return out;
}

interface Echoes {
  readonly ids: Set<string>;
  /** Each origin the endpoint echoed back, and whether it allowed credentials with it. */
  readonly origins: Map<string, boolean>;
}

type Observed = readonly (readonly AnswerObservation[])[];

/**
 * Endpoints that were sent more than one Origin: the only ones either finding can be about (both
 * compare answers to different origins). Checked first, in one cheap pass, so the per-endpoint
 * sets and maps are built only for those (a log of thousands of one-caller endpoints builds none).
 */
function multiOriginEndpoints(observed: Observed): Set<string> {
  const first = new Map<string, string>();
  const multi = new Set<string>();
  for (const answers of observed) {
    for (const o of answers) {
      const seen = first.get(o.endpoint);
      if (seen === undefined) first.set(o.endpoint, o.sent);
      else if (seen !== o.sent) multi.add(o.endpoint);
    }
  }
  return multi;
}

function collectEchoes(observed: Observed, multi: ReadonlySet<string>): Map<string, Echoes> {
  const byEndpoint = new Map<string, Echoes>();
  for (const answers of observed) {
    for (const o of answers) {
      if (!multi.has(o.endpoint)) continue;
      // Same-origin answers say nothing about the cross-origin policy.
      if (o.sent === 'null' || o.sameOrigin || o.acao !== o.sent) continue;
      let echoes = byEndpoint.get(o.endpoint);
      if (!echoes) byEndpoint.set(o.endpoint, (echoes = { ids: new Set(), origins: new Map() }));
      echoes.ids.add(o.exchangeId);
      echoes.origins.set(o.sent, (echoes.origins.get(o.sent) ?? false) || o.credentials);
    }
  }
  return byEndpoint;
}

interface Answers {
  readonly ids: Set<string>;
  /** Access-Control-Allow-Origin ('' when absent) per Origin sent. */
  readonly acaoByOrigin: Map<string, string>;
  /** Some answer that named an origin lacked Vary: Origin. */
  missingVary: boolean;
}

function collectAnswers(observed: Observed, multi: ReadonlySet<string>): Map<string, Answers> {
  const byEndpoint = new Map<string, Answers>();
  for (const answers of observed) {
    for (const o of answers) {
      if (!multi.has(o.endpoint)) continue;
      let entry = byEndpoint.get(o.endpoint);
      if (!entry) byEndpoint.set(o.endpoint, (entry = { ids: new Set(), acaoByOrigin: new Map(), missingVary: false }));
      entry.ids.add(o.exchangeId);
      entry.acaoByOrigin.set(o.sent, o.acao);
      if (o.acao !== '' && o.acao !== '*' && !o.varies) entry.missingVary = true;
    }
  }
  return byEndpoint;
}

/**
 * The analyzer rates a missing Vary low, since one exchange cannot show the value depends on
 * Origin. Different Origins getting different answers from one endpoint shows it: a shared cache
 * then serves one origin's answer to another (Fetch §3.2.5 "CORS protocol and HTTP caches").
 */
function varyFindings(observed: Observed, multi: ReadonlySet<string>): EndpointFinding[] {
  const out: EndpointFinding[] = [];
  for (const [endpoint, { ids, acaoByOrigin, missingVary }] of collectAnswers(observed, multi)) {
    if (!missingVary || new Set(acaoByOrigin.values()).size < 2) continue;
    const message = `${endpoint} answers Access-Control-Allow-Origin according to the Origin sent (${[...acaoByOrigin].map(([o, a]) => `${o} → ${a || 'none'}`).join(', ')}) without Vary: Origin on every answer.`;
    out.push({ endpoint, exchangeIds: [...ids], finding: finding('allow-origin-without-vary', 'medium', message, 'Vary', 'endpoint') });
  }
  return out;
}

export function auditEndpoints(items: readonly AuditInput[]): EndpointFinding[] {
  return auditObservations(items.map((x) => observeExchange(x.exchange)));
}

/** The cross-exchange findings from each exchange's observations (`observeExchange`), in the exchanges' order. */
export function auditObservations(observed: Observed): EndpointFinding[] {
  const multi = multiOriginEndpoints(observed);
  if (multi.size === 0) return [];
  const out: EndpointFinding[] = varyFindings(observed, multi);
  for (const [endpoint, { ids, origins }] of collectEchoes(observed, multi)) {
    if (origins.size < 2) continue;
    const credentials = [...origins.values()].some(Boolean);
    const list = [...origins.keys()].sort();
    const message = `${endpoint} answered ${list.length} different origins with their own Origin (${list.join(', ')})${credentials ? ' and allowed credentials' : ''}. Either every one is on an allow-list, or the server echoes any origin: use "Probe this endpoint" to find out.`;
    out.push({ endpoint, exchangeIds: [...ids], finding: finding('reflects-any-origin', credentials ? 'medium' : 'low', message, 'Access-Control-Allow-Origin', 'endpoint') });
  }
  return out;
}
