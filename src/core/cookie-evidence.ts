// Evidence about the credentials mode from the rest of a recording. A request that sends no
// Cookie may still have been credentialed (the browser simply had no cookies for that host).
// But when another request from the same page origin to the same scheme and host did send a
// Cookie, the browser holds cookies that a credentialed request would carry too (cookies are
// scoped by host, not port, and SameSite treats both requests alike since their initiator and
// target sites are the same), so sending none means credentials were not included. The one
// exception is a cookie limited by `Path`; the analysis says the mode was inferred.

import { hasHeader } from './headers';
import type { Exchange } from './model';
import { originOf } from './origin';

/** `initiator scheme://host` (no port: cookies ignore it); null when there is no such pair. */
function key(initiator: string | null, url: string): string | null {
  const origin = initiator ? originOf(url) : null;
  if (!origin || origin === 'null') return null;
  // A serialized origin ends in `:port` only when it has a non-default port (IPv6 hosts end in `]`).
  return `${initiator} ${origin.replace(/:\d+$/, '')}`;
}

/** Feed it exchanges in the order they started; it marks each with what was seen before it. */
export class CookieEvidence {
  private readonly hosts = new Set<string>();

  /** Remember the hosts this exchange sent cookies to (same-origin exchanges count too). */
  observe(exchange: Exchange): void {
    for (const hop of exchange.hops) {
      if (!hasHeader(hop.request.headers, 'Cookie')) continue;
      const k = key(exchange.initiatorOrigin, hop.request.url);
      if (k) this.hosts.add(k);
    }
  }

  /** The exchange, with `cookiesSeenForHost` set when an earlier request proved a cookie jar. */
  annotate(exchange: Exchange): Exchange {
    if (this.hosts.size === 0) return exchange;
    const known = exchange.hops.some((hop) => {
      const k = key(exchange.initiatorOrigin, hop.request.url);
      return k !== null && this.hosts.has(k);
    });
    return known ? { ...exchange, cookiesSeenForHost: true } : exchange;
  }
}
