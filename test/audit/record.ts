// Record an exchange from the policy server the way the extension would see it: the request with
// its Origin (and a Cookie, so the analyzer knows credentials were included), its preflight, and
// the real responses. Node's fetch sends the Origin we give it.

import type { Exchange, Header, Preflight } from '../../src/core/model';

async function send(url: string, method: string, headers: Record<string, string>): Promise<{ status: number; headers: Header[] }> {
  const response = await fetch(url, { method, headers, redirect: 'manual' });
  await response.arrayBuffer();
  return { status: response.status, headers: [...response.headers].map(([name, value]) => ({ name, value })) };
}

const asHeaders = (lines: Record<string, string>): Header[] => Object.entries(lines).map(([name, value]) => ({ name, value }));

/** A credentialed PUT (preflighted) from `origin`, or a GET when `preflight` is false. */
export async function recordExchange(id: string, url: string, origin: string, preflight: boolean): Promise<Exchange> {
  const method = preflight ? 'PUT' : 'GET';
  const requestHeaders = { Origin: origin, Cookie: 'sid=1' };
  const preflights: Preflight[] = [];
  if (preflight) {
    const pfHeaders = { Origin: origin, 'Access-Control-Request-Method': method };
    preflights.push({ request: { method: 'OPTIONS', url, headers: asHeaders(pfHeaders) }, response: await send(url, 'OPTIONS', pfHeaders) });
  }
  const response = await send(url, method, requestHeaders);
  return { id, initiatorOrigin: origin, hops: [{ request: { method, url, headers: asHeaders(requestHeaders) }, response }], preflights, startedAt: 0, mode: 'cors' };
}
