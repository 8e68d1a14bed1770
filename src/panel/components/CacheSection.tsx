// The cache facts of an exchange a cache answered (src/core/cache): which cache, how old, and the
// Vary and Cache-Control that decide whether it may give this copy to another page. Nothing when
// the server answered.
import { cacheFactLines, cacheTag } from '../../core/cache/cache-facts';
import type { Exchange } from '../../core/model';
import { exchangeCacheFacts } from '../state/cache-view';

export function CacheSection({ exchange }: { readonly exchange: Exchange }) {
  const facts = exchangeCacheFacts(exchange);
  if (!facts) return null;
  return (
    <section class="cache-facts" data-testid="cache-facts">
      <h3>Cache: {cacheTag(facts)}</h3>
      <ul>
        {cacheFactLines(facts).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
