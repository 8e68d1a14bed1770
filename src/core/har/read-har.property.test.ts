// Hostile input never throws: arbitrary JSON, and valid HARs with parts replaced by
// arbitrary values, give either exchanges or a one-line error.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { API, har, PAGE, type EntrySpec } from '../../../test/har-samples/build-har';
import { analyzeHarJson } from './analyze-har';
import { readHar, readHarJson } from './read-har';

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function replaced(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  if (value === undefined && rest.length === 0) delete copy[head];
  else copy[head] = replaced(copy[head], rest, value);
  return copy;
}

const header = fc.constantFrom('Origin', 'Access-Control-Request-Method', 'Access-Control-Allow-Origin', 'Location', 'Cookie', 'Sec-Fetch-Mode', ':path');
const entrySpec: fc.Arbitrary<EntrySpec> = fc.record({
  method: fc.constantFrom('GET', 'PUT', 'OPTIONS', 'POST'),
  url: fc.oneof(fc.constantFrom(`${API}/a`, `${API}/b`, `${PAGE}/`, '/relative', ''), fc.webUrl()),
  headers: fc.dictionary(header, fc.oneof(fc.constantFrom(PAGE, 'PUT', 'null', '*', `${API}/b`, 'cors'), fc.string())),
  status: fc.oneof(fc.constantFrom(0, 200, 204, 302, 307), fc.integer()),
  responseHeaders: fc.dictionary(header, fc.oneof(fc.constantFrom(PAGE, '*', `${API}/a`, '/b'), fc.string())),
  at: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.constant(8.64e15)),
});

// 3,000 generated documents: about 1 s on a quiet machine, past Vitest's 5 s default on a loaded
// one. Time is not what these tests check.
describe('the reader is total', { timeout: 30_000 }, () => {
  test('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(() => readHarJson(json)).not.toThrow();
        expect(() => readHarJson({ log: { entries: [json] } })).not.toThrow();
        expect(() => readHarJson({ log: { entries: [{ request: json, response: json }], pages: json } })).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  test('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(readHar(text).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  test('valid HARs with any part replaced or removed, read and analysed', () => {
    fc.assert(
      fc.property(
        fc.array(entrySpec, { maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.jsonValue(), fc.constant(undefined))), { maxLength: 4 }),
        (specs, mutations) => {
          let doc: unknown = har(specs);
          for (const [at, value] of mutations) {
            const all = paths(doc);
            doc = replaced(doc, all[at % all.length] as Path, value);
          }
          const result = analyzeHarJson(doc);
          if (!result.ok) expect(result.error).not.toContain('\n');
          else expect(result.exchanges.length).toBeLessThanOrEqual(specs.length);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('every entry lands in exactly one exchange, as a hop or a preflight', () => {
    fc.assert(
      fc.property(fc.array(entrySpec, { maxLength: 12 }), (specs) => {
        const result = readHarJson(har(specs));
        if (!result.ok) return;
        const indexes = result.exchanges.flatMap((x) => [...x.hops, ...x.preflights].flatMap((h) => (h.harIndex === undefined ? [] : [h.harIndex])));
        expect([...indexes].sort((a, b) => a - b)).toEqual(specs.map((_, i) => i));
      }),
      { numRuns: 500 },
    );
  });
});
