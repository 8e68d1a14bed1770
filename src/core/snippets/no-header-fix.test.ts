// When the analyzer says no header change can fix an exchange (its fix is only a note), no
// snippet may offer a configuration: the page's origin is still an exact origin (a redirect made
// the request's Origin `null`, or the redirect URL carried credentials), so without this rule
// every snippet would allow it and fix nothing. Inputs come from HARs recorded in real Chromium.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeHarText } from '../har/analyze-har';
import { SNIPPETS } from './registry';
import { snippetInputFor } from './snippet-input-for';
import { NO_HEADER_FIX } from './snippet-text';

const fixtures = new URL('../../../test/fixtures/chromium/', import.meta.url);

function blocked(id: string) {
  const result = analyzeHarText(readFileSync(new URL(`${id}.har`, fixtures), 'utf8'));
  if (!result.ok) throw new Error(result.error);
  const x = result.exchanges.find((e) => e.analysis.verdict === 'blocked');
  if (!x) throw new Error(`${id}: nothing blocked`);
  return x;
}

const NOTE_ONLY = ['preflight-redirect-302', 'redirect-cross-origin-null-origin-mismatch', 'redirect-location-with-credentials'];
const cases = NOTE_ONLY.flatMap((id) => SNIPPETS.map((s) => [id, s.id, s] as const));

describe('a note-only fix gives no configuration', () => {
  test.each(cases)('%s → %s', (id, _server, snippet) => {
    const { exchange, analysis } = blocked(id);
    expect(analysis.fix).toMatchObject({ preflight: null, preflightStatus: null, response: null });
    const text = snippet.render(snippetInputFor(exchange, analysis));
    expect(text).not.toContain(exchange.initiatorOrigin ?? 'no origin');
    if (snippet.id === 's3') expect(JSON.parse(text)).toEqual({ CORSRules: [] });
    else expect(text).toContain(NO_HEADER_FIX);
  });

  test.each(SNIPPETS.map((s) => [s.id, s] as const))('a fixable exchange still gets its configuration: %s', (_id, snippet) => {
    const { exchange, analysis } = blocked('simple-get-missing-allow-origin');
    expect(snippet.render(snippetInputFor(exchange, analysis))).toContain(exchange.initiatorOrigin ?? 'no origin');
  });
});
