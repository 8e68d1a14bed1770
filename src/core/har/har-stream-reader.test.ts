// The stream reader against the whole-text reader it replaces in the CLI (parseJson, then
// validateHar): the same views or the same one-line error, for any JSON text, any text with a
// character changed, and HAR documents, as UTF-8 bytes cut into chunks of any size (also inside
// a multi-byte character).

import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { API, har, PAGE } from '../../../test/har-samples/build-har';
import { HarStreamReader, readHarStreamText } from './har-stream-reader';
import { parseJson } from './parse-json';
import { validateHar, type ValidatedHar } from './validate-har';

/** The text as a file holds it and readFile(…, 'utf8') gives it back (a lone surrogate becomes U+FFFD). */
const asFile = (text: string): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(text));

function wholeText(text: string): ValidatedHar {
  const parsed = parseJson(asFile(text));
  return parsed.ok ? validateHar(parsed.value) : parsed;
}

const chunkSizes = [1, 2, 3, 7, 64, 1 << 20];

function expectSame(text: string, chunkSize: number): void {
  expect(readHarStreamText(text, chunkSize)).toEqual(wholeText(text));
}

const samples = new URL('../../../test/har-samples/', import.meta.url);
const fixtures = new URL('../../../test/fixtures/', import.meta.url);

describe('the stream reader reads what the whole-text reader reads', () => {
  test.each([
    ['{"log": {"entries": []}}'],
    ['\uFEFF{"log": {"entries": []}}'],
    ['{"log": {"entries": [], "entries": 1}}'],
    ['{"log": {"entries": 1, "entries": []}}'],
    ['{"log": 1, "log": {"entries": []}}'],
    ['{"log": {"entries": []}, "log": []}'],
    ['{"log": {"__proto__": {"creator": {"name": "Firefox"}}, "entries": []}}'],
    ['{"log": {"entries": [{"request": 1}, {"request": 2}]}}'],
    ['{"log": {"entries": [{"request": 1}, ]}}'],
    ['{"log": {"entries": [1 2]}}'],
    ['{"log": {"entries": [tru]}}'],
    ['{"log": {"entries": [-]}}'],
    ['{"log": {"entries": [1.]}}'],
    ['{"log": {"entries": [{"a": 1{}]}}'],
    ['{"log": {"entries": ["\\ud83d\\ude00", "\\"]"]}}'],
    ['{"log": {"entries": [{"a": "b\nc"}]}}'],
    ['{\n  "log": {\n    "entries": [}\n  }\n}'],
    ['{"log" {}}'],
    ['{} x'],
    ['{}\n\n  x'],
    ['nul'],
    [''],
    ['   '],
    ['"abc'],
    ['[1, 2'],
    ['{"log": {"entries": [{"a": "\\x"}]}}'],
    ['{"log": {"entries": [{"a": 01}]}}'],
    ['123'],
    ['{"a": [}'],
    ['{"log": {"entries": [{"a"\n:\n1,}]}}'],
    ['\u0000\u001b[31mPK'],
    ['{"log": {"entries": [{"a": "é\u2028"}, {]}}'],
    ['{"log": {"entries": [{"a": "\\u12"}]}}'],
    ['{"log": {"entries": [{"a": "é€😀\ud800"}, "😀"]}}'],
    ['{"log": é}'],
    ['{\n"log": {"entries": [{"a": "😀😀"}], é}}'],
    ['\uFEFF'],
    ['\uFEFF\uFEFF{}'],
    ['\u00ef\u00bb{}'],
  ])('%j', (text) => {
    for (const size of chunkSizes) expectSame(text, size);
  });

  test.each([
    ['a partial BOM', [0xef, 0xbb]],
    ['a partial BOM, then JSON', [0xef, 0xbb, 0x7b, 0x7d]],
    ['bad UTF-8 in a string', [...Buffer.from('{"log": {"entries": [{"a": "'), 0xff, 0xc3, 0x28, 0xe2, 0x82, ...Buffer.from('"}]}}')]],
    ['bad UTF-8 in the skeleton', [...Buffer.from('{"log": {"entries": ['), 0xc3, ...Buffer.from(']}}')]],
    ['a character cut off at the end', [...Buffer.from('{"log": {"entries": ["'), 0xf0, 0x9f, 0x98]],
  ])('bytes: %s', (_name, list) => {
    const bytes = Uint8Array.from(list);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    for (const size of chunkSizes) {
      const reader = new HarStreamReader();
      for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
      expect(reader.end()).toEqual(wholeText(text));
    }
  });

  test.each(readdirSync(samples).filter((f) => !f.endsWith('.ts')))('sample %s', (name) => {
    const text = readFileSync(new URL(name, samples), 'utf8');
    for (const size of [1, 13, 1 << 20]) expectSame(text, size);
  });

  test('every recorded fixture', () => {
    for (const dir of ['chromium/', 'firefox/', 'firefox-extension/']) {
      for (const name of readdirSync(new URL(dir, fixtures)).filter((f) => f.endsWith('.har'))) {
        expectSame(readFileSync(new URL(dir + name, fixtures), 'utf8'), 4096);
      }
    }
  });

  test('arbitrary JSON, as it is and with a character changed, inserted or removed', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', ':', '"', '0', 'x', ' ', '\n', '\\', '{', '['), fc.constantFrom(...chunkSizes), (json, at, insert, size) => {
        const i = json.length ? at % json.length : 0;
        for (const text of [json, json.slice(0, i) + insert + json.slice(i + 1), json.slice(0, i) + insert + json.slice(i)]) {
          expectSame(text, size);
          expectSame(`{"log": {"entries": [${text}]}}`, size);
          expectSame(`{"log": {"pages": ${text}, "entries": [${text}, ${text}]}}`, size);
        }
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  test('HAR documents from the sample builder, with any unicode text in them, cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ url: fc.constantFrom(`${API}/a`, `${PAGE}/`), value: fc.string({ unit: 'binary' }) }), { maxLength: 6 }),
        fc.nat(),
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        (specs, cut, size, pretty) => {
          const doc = har(specs.map((s) => ({ url: s.url, headers: { Origin: PAGE, 'X-Text': s.value } })), { pages: [{ id: 'p', title: specs[0]?.value ?? '' }] });
          const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
          expectSame(text, size);
          expectSame(text.slice(0, cut % (text.length + 1)), size);
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});
