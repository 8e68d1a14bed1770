// Passive audit of one recorded exchange: what its responses say about the server's CORS policy.
// It reads headers only; whether the server would accept other origins is the endpoint audit's
// (several exchanges) and the probe's (crafted origins) to say.

import type { Analysis } from '../analysis';
import { getHeader, splitList } from '../headers';
import type { Exchange, HeaderList } from '../model';
import { originOf } from '../origin';
import { finding, isAuditCode } from './advice';
import type { AuditFinding } from './finding';
import { uniqueByCode } from './finding';
import { isForbiddenResponseHeader, isSensitiveHeader } from './sensitive-headers';

/** Analyzer warnings that are security findings: lifted with attack and fix, never re-detected. */
const LIFTED = new Set(['allow-origin-null', 'allow-origin-without-vary', 'max-age-capped']);

interface CorsResponse {
  readonly origin: string | null;
  readonly url: string;
  readonly headers: HeaderList;
}

/** Every response that answered a request carrying Origin: the hops, then the preflights. */
function corsResponses(exchange: Exchange): CorsResponse[] {
  const out: CorsResponse[] = [];
  for (const hop of [...exchange.hops, ...exchange.preflights]) {
    if (!hop.response) continue;
    out.push({ origin: getHeader(hop.request.headers, 'Origin'), url: hop.request.url, headers: hop.response.headers });
  }
  return out;
}

function credentialsForHttp(r: CorsResponse, out: AuditFinding[]): void {
  const acao = getHeader(r.headers, 'Access-Control-Allow-Origin');
  if (getHeader(r.headers, 'Access-Control-Allow-Credentials') !== 'true' || acao === null || !acao.startsWith('http:')) return;
  if (!r.url.toLowerCase().startsWith('https:')) return;
  out.push(finding('credentials-for-http-origin', 'high', `${originOf(r.url) ?? r.url} allows credentials for the plain-http origin ${acao}.`, 'Access-Control-Allow-Origin', 'exchange'));
}

function exposedSecrets(r: CorsResponse, out: AuditFinding[]): void {
  const exposed = splitList(getHeader(r.headers, 'Access-Control-Expose-Headers') ?? '');
  const credentialed = getHeader(r.headers, 'Access-Control-Allow-Credentials') === 'true';
  // Without credentials, `*` exposes every header the response carries (Fetch §3.2.3); with them it is a literal name.
  const names = exposed.includes('*') && !credentialed ? [...exposed, ...r.headers.map((h) => h.name)] : exposed;
  const sensitive = [...new Set(names.filter(isSensitiveHeader).map((n) => n.toLowerCase()))];
  if (sensitive.length === 0) return;
  const effective = sensitive.filter((n) => !isForbiddenResponseHeader(n));
  const note = effective.length === 0 ? ' (browsers filter Set-Cookie out anyway, so nothing leaks, but the intent is wrong)' : '';
  out.push(finding('sensitive-headers-exposed', effective.length > 0 ? 'medium' : 'low', `Access-Control-Expose-Headers makes ${sensitive.join(', ')} readable by the calling origin${note}.`, 'Access-Control-Expose-Headers', 'exchange'));
}

function wildcardWithCredentials(exchange: Exchange, analysis: Analysis, out: AuditFinding[]): void {
  if (analysis.credentials !== 'include') return;
  const wildcard = corsResponses(exchange).some((r) => getHeader(r.headers, 'Access-Control-Allow-Origin') === '*');
  if (!wildcard) return;
  out.push(finding('wildcard-with-credentials-attempted', 'low', 'The request was sent with credentials, but the server answered Access-Control-Allow-Origin: *, which browsers never accept for credentialed requests.', 'Access-Control-Allow-Origin', 'exchange'));
}

function lifted(analysis: Analysis): AuditFinding[] {
  return analysis.warnings
    .filter((w) => LIFTED.has(w.code) && isAuditCode(w.code))
    .map((w) => ({ ...finding(w.code as Parameters<typeof finding>[0], w.severity, w.message, w.header, 'exchange') }));
}

/** Security findings for one exchange, most severe first, one per code. */
export function auditExchange(exchange: Exchange, analysis: Analysis): AuditFinding[] {
  if (analysis.type === 'same-origin' || analysis.type === 'no-cors') return [];
  const out = lifted(analysis);
  for (const r of corsResponses(exchange)) {
    credentialsForHttp(r, out);
    exposedSecrets(r, out);
  }
  wildcardWithCredentials(exchange, analysis, out);
  return uniqueByCode(out);
}
