import { describe, expect, test } from 'vitest';
import { SNIPPETS, snippetById } from './registry';
import { NO_ORIGIN } from './snippet-text';
import { CREDENTIALED, HOSTILE, NULL_ORIGIN, ORIGIN, PREFLIGHTED, SIMPLE } from '../../../test/support/snippet-inputs';

// What each snippet must say when credentials are involved (S3 sends
// Access-Control-Allow-Credentials itself for a specific origin, so it has no switch).
const CREDENTIALS_MARKER: Record<string, string | null> = {
  express: 'credentials: true',
  fastify: 'credentials: true',
  koa: 'credentials: true',
  nginx: 'add_header Access-Control-Allow-Credentials "true" always;',
  apache: 'Header always set Access-Control-Allow-Credentials "true"',
  caddy: 'Access-Control-Allow-Credentials "true"',
  django: 'CORS_ALLOW_CREDENTIALS = True',
  fastapi: 'allow_credentials=True',
  flask: "'supports_credentials': True",
  spring: '.allowCredentials(true)',
  aspnet: '.AllowCredentials()',
  go: 'AllowCredentials: true',
  s3: null,
};
// Servers where we write Vary ourselves (the libraries add it on their own).
const WRITES_VARY = new Set(['nginx', 'apache', 'caddy']);

const ids = SNIPPETS.map((s) => s.id);

test('registry covers each server that has a credentials marker below, once each', () => {
  expect([...ids].sort()).toEqual(Object.keys(CREDENTIALS_MARKER).sort());
  expect(new Set(ids).size).toBe(ids.length);
  expect(snippetById('nginx')?.label).toBe('nginx');
  expect(snippetById('nope')).toBeUndefined();
});

describe.each(SNIPPETS.map((s) => [s.id, s] as const))('%s', (id, snippet) => {
  test('names the exact origin, never a wildcard or null', () => {
    const text = snippet.render(PREFLIGHTED);
    expect(text).toContain(ORIGIN);
    expect(text).not.toMatch(/["'\s]\*["'\s]/);
    expect(text).not.toMatch(/["']null["']/);
  });

  test('allows the method and the header the request needs', () => {
    const text = snippet.render(PREFLIGHTED);
    expect(text).toContain('PUT');
    expect(text).toContain('X-Api-Key');
  });

  test.each([
    ['with credentials', CREDENTIALED, true],
    ['without credentials', PREFLIGHTED, false],
  ])('credentials switch %s', (_n, input, expected) => {
    const marker = CREDENTIALS_MARKER[id];
    if (marker === null || marker === undefined) return;
    expect(snippet.render(input).includes(marker)).toBe(expected);
    if (WRITES_VARY.has(id)) expect(snippet.render(input)).toMatch(/Vary"? "Origin"|\+Vary "Origin"/);
  });

  test('a simple request gets no preflight method list beyond its own', () => {
    const text = snippet.render(SIMPLE);
    expect(text).toContain(ORIGIN);
    expect(text).not.toContain('PUT');
    expect(text).not.toContain('X-Api-Key');
  });

  test('null origin: no config that allows anything', () => {
    const text = snippet.render(NULL_ORIGIN);
    expect(text).not.toMatch(/["']null["']/);
    if (id === 's3') expect(JSON.parse(text)).toEqual({ CORSRules: [] });
    else expect(text).toContain(NO_ORIGIN);
  });

  test('hostile values from the traffic never reach the config', () => {
    const text = snippet.render(HOSTILE);
    for (const bad of ['evil', 'drop', 'import os', 'add_header\n', '"}{']) expect(text).not.toContain(bad);
    expect(text).toContain('X-Api-Key');
  });
});

test.each(['nginx', 'apache', 'caddy'])('%s lists no safelisted method in Access-Control-Allow-Methods (Fetch §4.8)', (id) => {
  const getWithHeader = { ...PREFLIGHTED, fix: { ...PREFLIGHTED.fix, preflight: [{ name: 'Access-Control-Allow-Headers', value: 'X-Api-Key' }] }, facts: { ...PREFLIGHTED.facts, method: 'GET' } };
  const text = snippetById(id)?.render(getWithHeader) ?? '';
  expect(text).toContain('X-Api-Key');
  expect(text).not.toContain('Access-Control-Allow-Methods');
});

// Both found by running the snippet on the real server (test/e2e/fix-servers.e2e.test.ts).
test('caddy sets the response headers at once (kept on its own errors) and again deferred (replacing a proxied backend\'s)', () => {
  const text = snippetById('caddy')?.render(PREFLIGHTED) ?? '';
  expect(text).toMatch(/^header \{\n {4}Access-Control-Allow-Origin "[^"]+"\n {4}\+Vary "Origin"\n\}$/m);
  expect(text).toMatch(/^header \{\n {4}defer\n {4}Access-Control-Allow-Origin "[^"]+"\n\}$/m);
});

test.each([PREFLIGHTED, { ...PREFLIGHTED, fix: { ...PREFLIGHTED.fix, preflightStatus: 204 } }])('go names no OptionsSuccessStatus (rs/cors before v1.8 has none; its own 2xx is an ok status)', (input) => {
  expect(snippetById('go')?.render(input)).not.toContain('OptionsSuccessStatus');
});

test.each([
  ['PATCH', 'no bucket CORS rule can allow PATCH'],
  ['PUT', null],
])('s3 says beside the JSON what no bucket rule can allow: %s', (method, expected) => {
  const caveat = snippetById('s3')?.caveat?.({ ...PREFLIGHTED, facts: { ...PREFLIGHTED.facts, method } }) ?? null;
  if (expected === null) expect(caveat).toBeNull();
  else expect(caveat).toContain(expected);
});
