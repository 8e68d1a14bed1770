import { describe, expect, test } from 'vitest';
import { MAX_PROBE_REQUESTS, craftOrigins, planProbe, probeToken } from './probe-plan';

describe('craftOrigins', () => {
  test.each<[string, Record<string, string>]>([
    [
      'https://app.example',
      { page: 'https://app.example', random: 'https://tok-cors-lens.example', null: 'null', prefixed: 'https://tokapp.example', suffixed: 'https://app.example.tok-cors-lens.example', http: 'http://app.example', subdomain: 'https://tok.app.example' },
    ],
    [
      'http://localhost:8000',
      { page: 'http://localhost:8000', random: 'https://tok-cors-lens.example', null: 'null', prefixed: 'http://toklocalhost:8000', suffixed: 'http://localhost.tok-cors-lens.example:8000', subdomain: 'http://tok.localhost:8000' },
    ],
    // An IP address has no subdomains and no look-alike names: only the host-free checks.
    ['https://127.0.0.1:9443', { page: 'https://127.0.0.1:9443', random: 'https://tok-cors-lens.example', null: 'null', http: 'http://127.0.0.1:9443' }],
    ['null', { random: 'https://tok-cors-lens.example', null: 'null' }],
  ])('%s', (page, expected) => {
    expect(Object.fromEntries(craftOrigins(page, 'tok').map((o) => [o.kind, o.origin]))).toEqual(expected);
  });

  test('every crafted origin is a valid serialized origin', () => {
    for (const { origin } of craftOrigins('https://app.example:8443', 'tok')) {
      if (origin !== 'null') expect(new URL(origin).origin).toBe(origin);
    }
  });
});

describe('planProbe', () => {
  test('a preflight and a simple GET per origin, bounded, with only Origin and the requested method added', () => {
    const plan = planProbe({ url: 'https://api.example/x', method: 'DELETE', pageOrigin: 'https://app.example' }, 'tok');
    expect(plan.length).toBeLessThanOrEqual(MAX_PROBE_REQUESTS);
    expect(plan.map((r) => r.index)).toEqual(plan.map((_, i) => i));
    expect(plan.every((r) => r.url === 'https://api.example/x')).toBe(true);
    expect(plan[0]).toMatchObject({ kind: 'page', stage: 'preflight', method: 'OPTIONS', headers: [{ name: 'Origin', value: 'https://app.example' }, { name: 'Access-Control-Request-Method', value: 'DELETE' }] });
    expect(plan[1]).toMatchObject({ kind: 'page', stage: 'simple', method: 'GET', headers: [{ name: 'Origin', value: 'https://app.example' }] });
  });

  test.each([['GET'], ['PATCH'], ['bad method'], ['']])('the preflight asks for a valid method (%j)', (method) => {
    const asked = planProbe({ url: 'https://api.example/x', method, pageOrigin: 'https://app.example' }, 't')[0]?.headers[1]?.value;
    expect(asked).toMatch(/^[A-Za-z]+$/);
  });

  test('probeToken is 8 lower-case letters or digits', () => {
    let i = 0;
    const seq = [0, 0.5, 0.999, 0.1, 0.2, 0.3, 0.4, 0.6];
    expect(probeToken(() => seq[i++ % seq.length] as number)).toMatch(/^[a-z0-9]{8}$/);
  });
});
