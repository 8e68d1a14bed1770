// The import worker's reading (chunks through the stream reader) gives the panel exactly what the
// whole-text import gives, rows and errors alike, however the file is cut.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importedLog, importHarText } from '../har-io';
import { analyzeHarChunks } from './analyze-har-chunks';

const FIXTURES = join(__dirname, '../../../test/fixtures');
const SAMPLES = join(__dirname, '../../../test/har-samples');
const files = [
  ...readdirSync(join(FIXTURES, 'chromium')).filter((n) => n.endsWith('.har')).slice(0, 20).map((n) => join(FIXTURES, 'chromium', n)),
  ...readdirSync(join(FIXTURES, 'firefox-devtools')).filter((n) => n.endsWith('.har')).slice(0, 10).map((n) => join(FIXTURES, 'firefox-devtools', n)),
  ...readdirSync(SAMPLES).filter((n) => n.endsWith('.har') || n.endsWith('.json')).map((n) => join(SAMPLES, n)),
];

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe.each([7, 1024, 1 << 20])('in chunks of %i bytes', (size) => {
  test.each(files)('%s', async (file) => {
    const bytes = readFileSync(file);
    const whole = importHarText('x.har', bytes.toString('utf8'));
    const seen: number[] = [];
    const chunked = await analyzeHarChunks('x.har', chunksOf(bytes, size), (n) => seen.push(n));
    expect(seen.at(-1)).toBe(bytes.length);
    if (!whole.ok) return expect(chunked).toEqual({ ok: false, error: whole.error });
    if (!chunked.ok) throw new Error(chunked.error);
    expect(importedLog('x.har', chunked.snapshot)).toEqual(whole.imported);
  });
});
