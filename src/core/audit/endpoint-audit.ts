// Passive audit across exchanges: one answer cannot tell an allow-list from a server that echoes
// every Origin, but the same endpoint echoing several different origins is evidence of the latter.

import type { Analysis } from '../analysis';
import { getHeader } from '../headers';
import type { Exchange } from '../model';
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

/** `https://api.example/v1/users?id=1` → `https://api.example/v1/users`. */
export function endpointOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return null;
  }
}

interface Echoes {
  readonly ids: Set<string>;
  /** Each origin the endpoint echoed back, and whether it allowed credentials with it. */
  readonly origins: Map<string, boolean>;
}

function collectEchoes(items: readonly AuditInput[]): Map<string, Echoes> {
  const byEndpoint = new Map<string, Echoes>();
  for (const { exchange } of items) {
    for (const hop of [...exchange.hops, ...exchange.preflights]) {
      const sent = getHeader(hop.request.headers, 'Origin');
      const endpoint = endpointOf(hop.request.url);
      if (!hop.response || sent === null || sent === 'null' || endpoint === null) continue;
      // Same-origin answers say nothing about the cross-origin policy.
      if (originOf(hop.request.url) === sent) continue;
      if (getHeader(hop.response.headers, 'Access-Control-Allow-Origin') !== sent) continue;
      let echoes = byEndpoint.get(endpoint);
      if (!echoes) byEndpoint.set(endpoint, (echoes = { ids: new Set(), origins: new Map() }));
      echoes.ids.add(exchange.id);
      const credentials = getHeader(hop.response.headers, 'Access-Control-Allow-Credentials') === 'true';
      echoes.origins.set(sent, (echoes.origins.get(sent) ?? false) || credentials);
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

function varies(vary: string | null): boolean {
  return (vary ?? '').split(',').some((v) => ['origin', '*'].includes(v.trim().toLowerCase()));
}

function collectAnswers(items: readonly AuditInput[]): Map<string, Answers> {
  const byEndpoint = new Map<string, Answers>();
  for (const { exchange } of items) {
    for (const hop of [...exchange.hops, ...exchange.preflights]) {
      const sent = getHeader(hop.request.headers, 'Origin');
      const endpoint = endpointOf(hop.request.url);
      if (!hop.response || sent === null || endpoint === null) continue;
      let answers = byEndpoint.get(endpoint);
      if (!answers) byEndpoint.set(endpoint, (answers = { ids: new Set(), acaoByOrigin: new Map(), missingVary: false }));
      const acao = getHeader(hop.response.headers, 'Access-Control-Allow-Origin') ?? '';
      answers.ids.add(exchange.id);
      answers.acaoByOrigin.set(sent, acao);
      if (acao !== '' && acao !== '*' && !varies(getHeader(hop.response.headers, 'Vary'))) answers.missingVary = true;
    }
  }
  return byEndpoint;
}

/**
 * The analyzer rates a missing Vary low, since one exchange cannot show the value depends on
 * Origin. Different Origins getting different answers from one endpoint shows it: a shared cache
 * then serves one origin's answer to another (Fetch §3.2.5 "CORS protocol and HTTP caches").
 */
function varyFindings(items: readonly AuditInput[]): EndpointFinding[] {
  const out: EndpointFinding[] = [];
  for (const [endpoint, { ids, acaoByOrigin, missingVary }] of collectAnswers(items)) {
    if (!missingVary || new Set(acaoByOrigin.values()).size < 2) continue;
    const message = `${endpoint} answers Access-Control-Allow-Origin according to the Origin sent (${[...acaoByOrigin].map(([o, a]) => `${o} → ${a || 'none'}`).join(', ')}) without Vary: Origin on every answer.`;
    out.push({ endpoint, exchangeIds: [...ids], finding: finding('allow-origin-without-vary', 'medium', message, 'Vary', 'endpoint') });
  }
  return out;
}

export function auditEndpoints(items: readonly AuditInput[]): EndpointFinding[] {
  const out: EndpointFinding[] = varyFindings(items);
  for (const [endpoint, { ids, origins }] of collectEchoes(items)) {
    if (origins.size < 2) continue;
    const credentials = [...origins.values()].some(Boolean);
    const list = [...origins.keys()].sort();
    const message = `${endpoint} answered ${list.length} different origins with their own Origin (${list.join(', ')})${credentials ? ' and allowed credentials' : ''}. Either every one is on an allow-list, or the server echoes any origin: use "Probe this endpoint" to find out.`;
    out.push({ endpoint, exchangeIds: [...ids], finding: finding('reflects-any-origin', credentials ? 'medium' : 'low', message, 'Access-Control-Allow-Origin', 'endpoint') });
  }
  return out;
}
