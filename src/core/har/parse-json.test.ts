import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonErrorOffset, lineAndColumn } from './json-error-position';
import { parseJson } from './parse-json';

describe('parseJson', () => {
  test.each([
    ['{\n  "log": {\n    "entries": [}\n  }\n}', "not valid JSON (Unexpected token '}' at line 3 column 17)"],
    ['', 'not valid JSON (Unexpected end of JSON input at line 1 column 1)'],
    ['{"a": 1,}', 'at line 1 column 9'],
    ['{"a" 1}', 'at line 1 column 6'],
    ['[1, 2', 'at line 1 column 6'],
    ['{"a": "b\nc"}', 'at line 1 column 9'],
    ['{"a": 01}', 'at line 1 column 8'],
    ['{} x', 'at line 1 column 4'],
    ['nul', 'at line 1 column 1'],
    ['{"a": "\\x"}', 'at line 1 column 8'],
  ])('%j → %s', (text, expected) => {
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(expected);
      expect(result.error).not.toContain('\n');
    }
  });

  test.each([['{"log": {}}'], ['\uFEFF{"a": [1, 2.5e3, true, null, "x\\u00e9"]}'], ['  []  ']])('accepts %j', (text) => {
    expect(parseJson(text).ok).toBe(true);
  });

  test('does not echo a long quoted source line back', () => {
    const result = parseJson(`{"a": ${'x'.repeat(10_000)}}`);
    expect(!result.ok && result.error.length).toBeLessThan(200);
  });
});

describe('jsonErrorOffset agrees with JSON.parse', () => {
  const valid = (text: string): boolean => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  test('on JSON texts and on texts with one character changed or removed', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', ':', '"', '0', 'x', ' ', '\\'), (json, at, insert) => {
        const i = json.length ? at % json.length : 0;
        for (const text of [json, json.slice(0, i) + insert + json.slice(i + 1), json.slice(0, i) + insert + json.slice(i)]) {
          expect(jsonErrorOffset(text) === -1).toBe(valid(text));
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('deep nesting does not overflow the stack', () => {
    expect(jsonErrorOffset('['.repeat(1_000_000))).toBe(1_000_000);
  });

  test.each([
    ['a\nbc', 3, { line: 2, column: 2 }],
    ['abc', 0, { line: 1, column: 1 }],
  ])('lineAndColumn(%j, %i)', (text, offset, expected) => {
    expect(lineAndColumn(text, offset)).toEqual(expected);
  });
});
