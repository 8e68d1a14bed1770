// Our export of every real-browser fixture HAR (test/fixtures, recorded by the fixture suite)
// reads back to the same exchanges and the same analyses, redacted or not: what
// `cors-lens analyze` says about an exported file is what the panel said before export.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange } from '../model';
import { readHar, type HarRead } from './read-har';
import { writeHar } from './write-har';

const root = new URL('../../../test/fixtures/', import.meta.url);
const files = ['chromium', 'firefox'].flatMap((browser) => {
  try {
    return readdirSync(new URL(`${browser}/`, root))
      .filter((n) => n.endsWith('.har'))
      .map((n) => [`${browser}/${n}`, readFileSync(new URL(`${browser}/${n}`, root), 'utf8')] as const);
  } catch {
    return [];
  }
});

function read(text: string): HarRead {
  const result = readHar(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const withoutIds = (x: Exchange): unknown => ({
  ...x,
  id: undefined,
  hops: x.hops.map((h) => ({ ...h, harIndex: undefined })),
  preflights: x.preflights.map((p) => ({ ...p, harIndex: undefined })),
});

describe.runIf(files.length > 0)('export round trip of real-browser HARs', () => {
  test.each(files)('%s', (_name, text) => {
    const original = read(text);
    const items = original.exchanges.map((exchange) => ({ exchange, analysis: analyzeExchange(exchange) }));

    const plain = read(JSON.stringify(writeHar(items, { redact: false })));
    expect(plain.exchanges.map(withoutIds)).toEqual(original.exchanges.map(withoutIds));
    expect(plain.exchanges.map(analyzeExchange)).toEqual(items.map((i) => i.analysis));

    const redacted = read(JSON.stringify(writeHar(items)));
    expect(redacted.exchanges.map((x) => analyzeExchange(x).verdict)).toEqual(items.map((i) => i.analysis.verdict));
    expect(redacted.exchanges.map((x) => analyzeExchange(x).credentials)).toEqual(items.map((i) => i.analysis.credentials));
  });
});
