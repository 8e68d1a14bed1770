// What earlier exchanges of a recording say about a later one: the cookie jar (cookie-evidence.ts)
// and the browser's cached copies (cache/stored-responses.ts). The live recorder feeds both as
// exchanges finish; a HAR or CDP recording is fed here, oldest first, so that an imported file
// gets the evidence the panel would have had.

import { CookieEvidence } from './cookie-evidence';
import { StoredResponses } from './cache/stored-responses';
import type { Exchange } from './model';

/** Each exchange, marked with what the recording showed before it started. */
export function withRecordingEvidence(exchanges: readonly Exchange[]): Exchange[] {
  const evidence = [new CookieEvidence(), new StoredResponses()];
  const order = exchanges.map((e, i) => [e, i] as const).sort((a, b) => a[0].startedAt - b[0].startedAt || a[1] - b[1]);
  const out: Exchange[] = new Array<Exchange>(exchanges.length);
  for (const [exchange, i] of order) {
    out[i] = evidence.reduce((marked, e) => e.annotate(marked), exchange);
    for (const e of evidence) e.observe(exchange);
  }
  return out;
}
