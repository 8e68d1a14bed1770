// The probe's request plan: a small, fixed set of crafted origins (after CORScanner and Corsy),
// each sent as a preflight and as a simple GET to the one endpoint. Pure: the random part is passed in.

import type { ProbeOriginKind, ProbeRequest, ProbeTarget } from './probe-types';

/** Hard bound on what one click may send (7 origins × 2 requests). */
export const MAX_PROBE_REQUESTS = 14;

export interface CraftedOrigin {
  readonly kind: ProbeOriginKind;
  readonly origin: string;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The crafted origins for a page origin. `token` is a short random [a-z0-9] string, so a server
 * cannot have allow-listed the foreign names in advance. Host-based variants are left out where they
 * cannot be real origins (an IP address has no subdomains; an http page has no http variant).
 */
export function craftOrigins(pageOrigin: string, token: string): CraftedOrigin[] {
  const out: CraftedOrigin[] = [{ kind: 'random', origin: `https://${token}-cors-lens.example` }, { kind: 'null', origin: 'null' }];
  let page: URL;
  try {
    page = new URL(pageOrigin);
  } catch {
    return out;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return out;
  const port = page.port ? `:${page.port}` : '';
  const host = page.hostname;
  out.unshift({ kind: 'page', origin: page.origin });
  const named = !IPV4.test(host) && !host.startsWith('[');
  if (named) {
    out.push({ kind: 'prefixed', origin: `${page.protocol}//${token}${host}${port}` });
    out.push({ kind: 'suffixed', origin: `${page.protocol}//${host}.${token}-cors-lens.example${port}` });
  }
  if (page.protocol === 'https:') out.push({ kind: 'http', origin: `http://${host}${port}` });
  if (named) out.push({ kind: 'subdomain', origin: `${page.protocol}//${token}.${host}${port}` });
  return out;
}

/** Methods are tokens (RFC 9110 §9.1); anything else is asked as GET rather than sent malformed. */
function preflightMethod(method: string): string {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method) ? method : 'GET';
}

/** Preflight then simple request per origin, page origin first: the baseline answers before the attacks. */
export function planProbe(target: ProbeTarget, token: string): ProbeRequest[] {
  const requests: ProbeRequest[] = [];
  for (const { kind, origin } of craftOrigins(target.pageOrigin, token)) {
    requests.push({
      index: requests.length, kind, origin, stage: 'preflight', method: 'OPTIONS', url: target.url,
      headers: [{ name: 'Origin', value: origin }, { name: 'Access-Control-Request-Method', value: preflightMethod(target.method) }],
    });
    requests.push({ index: requests.length, kind, origin, stage: 'simple', method: 'GET', url: target.url, headers: [{ name: 'Origin', value: origin }] });
  }
  return requests.slice(0, MAX_PROBE_REQUESTS);
}

/** A token for `craftOrigins` from any source of random numbers in [0, 1). */
export function probeToken(random: () => number): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)] ?? 'x';
  return out;
}
