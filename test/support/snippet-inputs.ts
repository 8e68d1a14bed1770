// Shared test inputs for the snippet tests (not shipped: only imported by *.test.ts).
import type { Fix } from '../../src/core/analysis';
import type { SnippetFacts, SnippetInput } from '../../src/core/snippets/snippet-input';

export const ORIGIN = 'https://app.example.test';
export const URL_ = 'https://api.example.test/v1/items/42';

export function facts(over: Partial<SnippetFacts> = {}): SnippetFacts {
  return { origin: ORIGIN, method: 'PUT', url: URL_, requestHeaders: ['X-Api-Key'], credentials: false, maxAge: null, ...over };
}

export function fix(over: Partial<Fix> = {}): Fix {
  return {
    preflight: [
      { name: 'Access-Control-Allow-Origin', value: ORIGIN },
      { name: 'Access-Control-Allow-Methods', value: 'PUT' },
      { name: 'Access-Control-Allow-Headers', value: 'X-Api-Key' },
    ],
    preflightStatus: null,
    response: [{ name: 'Access-Control-Allow-Origin', value: ORIGIN }],
    ...over,
  };
}

export const PREFLIGHTED: SnippetInput = { fix: fix(), facts: facts() };
export const CREDENTIALED: SnippetInput = {
  fix: fix({
    response: [
      { name: 'Access-Control-Allow-Origin', value: ORIGIN },
      { name: 'Access-Control-Allow-Credentials', value: 'true' },
      { name: 'Vary', value: 'Origin' },
      { name: 'Access-Control-Expose-Headers', value: 'X-Request-Id' },
    ],
  }),
  facts: facts({ credentials: true, maxAge: 600 }),
};
export const SIMPLE: SnippetInput = {
  fix: { preflight: null, preflightStatus: null, response: [{ name: 'Access-Control-Allow-Origin', value: ORIGIN }] },
  facts: facts({ method: 'GET', requestHeaders: [] }),
};
export const NULL_ORIGIN: SnippetInput = {
  fix: { preflight: null, preflightStatus: null, response: null, note: 'The redirect made the origin null.' },
  facts: facts({ origin: 'null', method: 'GET', requestHeaders: [] }),
};
/** Values a hostile page or server could put in the recorded traffic. */
export const HOSTILE: SnippetInput = {
  fix: fix({
    preflight: [
      { name: 'Access-Control-Allow-Origin', value: `${ORIGIN}"; evil` },
      { name: 'Access-Control-Allow-Methods', value: 'PUT, DEL"ETE, GET\');drop' },
      { name: 'Access-Control-Allow-Headers', value: 'X-Api-Key, x-a"}{ evil' },
    ],
  }),
  facts: facts({ requestHeaders: ['X-Api-Key', "x-b'); import os #", 'x-c\nadd_header'] }),
};
