// What the panel shows about caches (src/core/cache): the first hop a cache answered, its tag for
// the list (`from cache`, `from CDN (age 120 s)`) and its facts for the detail view.
import { cacheFacts, type CacheFacts } from '../../core/cache/cache-facts';
import type { Exchange } from '../../core/model';

/** The facts of the first response a cache answered; null when none did. */
export function exchangeCacheFacts(exchange: Exchange): CacheFacts | null {
  for (const hop of exchange.hops) {
    const facts = cacheFacts(hop.response);
    if (facts) return facts;
  }
  return null;
}
