// Causes with no HTTP response behind them: the request never got an answer (connection refused,
// DNS, timeout, reset), was cancelled by the browser or an extension, or failed Chromium's
// Local Network Access check. None of these is a CORS problem, though Chrome's console may
// still print a CORS-looking message for some.

import type { Analysis } from '../analysis';
import type { Exchange } from '../model';
import { originOf } from '../origin';
import type { Cause } from './cause';
import { describeNetworkError, networkErrorKind, type NetworkErrorKind } from './network-errors';

interface Failure {
  readonly kind: NetworkErrorKind;
  readonly error: string;
  readonly url: string;
  readonly hop: number;
  readonly preflight: boolean;
}

const short = (error: string): string => error.replace(/^net::/, '');

/** The first request (preflight first: it goes out first) that got no response, with its error. */
function firstFailure(exchange: Exchange): Failure | null {
  const i = exchange.hops.findIndex((hop) => !hop.response);
  if (i < 0) return null;
  const hop = exchange.hops[i];
  if (!hop) return null;
  const preflight = exchange.preflights.find((p) => p.request.url === hop.request.url && !p.response && p.error);
  const candidates: [string | undefined, boolean][] = [[preflight?.error, true], [exchange.error, false]];
  for (const [error, isPreflight] of candidates) {
    const kind = networkErrorKind(error);
    if (kind && error) return { kind, error, url: hop.request.url, hop: i, preflight: isPreflight };
  }
  return null;
}

function base(f: Failure): Pick<Cause, 'stage' | 'hop' | 'status' | 'corroborated' | 'headersOnSuccess'> {
  return { stage: f.preflight ? 'preflight' : 'request', hop: f.hop, status: null, corroborated: false, headersOnSuccess: [] };
}

const LNA_FIX =
  'No CORS header fixes this. The user must allow local network access for this site when Chromium asks (site settings, "Local network access"); an iframe also needs allow="local-network-access" from its parent; or serve the API from the same address space as the page (both public, or both private).';

function privateNetwork(exchange: Exchange, f: Failure | null, analysis: Analysis): Cause | null {
  const lna = analysis.reasons.find((r) => r.code === 'local-network-access');
  if (!lna && f?.kind !== 'private-network') return null;
  const hop = lna?.hop ?? f?.hop ?? 0;
  const url = exchange.hops[hop]?.request.url ?? '';
  const target = originOf(url) ?? url;
  const evidence = [`${exchange.initiatorOrigin ?? 'The page'} (${exchange.initiatorAddressSpace ?? 'a more public'} address space) called ${target}`];
  if (f?.error) evidence.push(`the browser reported ${f.error} and no response`);
  else evidence.push('no response was recorded, and the recorded CORS headers would pass');
  return {
    code: 'private-network', tag: 'local network access',
    message: `Chromium's Local (Private) Network Access check stopped a request from a more public page to ${target}, a more local address: it is not a CORS header problem.`,
    evidence, fix: LNA_FIX, stage: 'request', hop, status: null, corroborated: false, headersOnSuccess: [],
  };
}

export function networkCause(exchange: Exchange, analysis: Analysis): Cause | null {
  const f = firstFailure(exchange);
  const lna = privateNetwork(exchange, f, analysis);
  if (lna) return lna;
  if (!f) return null;
  const what = f.preflight ? 'The preflight (OPTIONS) request' : 'The request';
  const evidence = [`${what} to ${f.url} ended with ${f.error} and no HTTP response`];
  if (f.kind === 'blocked-by-client') {
    return {
      code: 'blocked-by-client', tag: 'blocked by client', ...base(f), evidence,
      message: `The browser or an extension cancelled the request before it was sent (${f.error}): an ad or tracker blocker, another extension's blocking rule, or a browser policy. This is not a CORS problem.`,
      fix: 'Allow the request in the blocking extension (or turn it off for this site) and check browser policies; if a public filter list matches the URL (paths like /ads/, /track/, /analytics/), rename the path. No server or CORS change helps.',
    };
  }
  const origin = originOf(f.url) ?? f.url;
  return {
    code: 'no-response', tag: `no response · ${short(f.error)}`, ...base(f), evidence,
    message: `No HTTP response came back: ${describeNetworkError(f.error)} (${f.error}). This is not a CORS problem, although the browser may report it as one.`,
    fix: `Make sure the server is running and reachable at ${origin}: host name, port, DNS, firewall, TLS certificate, proxy. No CORS header can help until a response comes back.`,
  };
}
