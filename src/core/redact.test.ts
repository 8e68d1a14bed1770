import { describe, expect, test } from 'vitest';
import { REDACTED, redactHar, redactHeaders, redactUrl } from './redact';
import { writeHar } from './har/write-har';

describe('redactUrl', () => {
  test.each([
    ['http://user:pass@api.test/x', 'http://redacted:redacted@api.test/x'],
    ['https://token@api.test/', 'https://redacted@api.test/'],
    ['http://a:b@c@api.test/p@q', 'http://redacted:redacted@api.test/p@q'],
    ['http://api.test/path@x?y=a@b', 'http://api.test/path@x?y=a@b'],
    ['<http://u:p@a.test/>; rel=next', '<http://redacted:redacted@a.test/>; rel=next'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['no url here', 'no url here'],
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});

describe('redactHeaders', () => {
  test.each([
    ['Cookie', 'session=abc; theme=dark', REDACTED],
    ['set-cookie', 'session=abc; HttpOnly', REDACTED],
    ['AUTHORIZATION', 'Bearer xyz', REDACTED],
    ['Proxy-Authorization', 'Basic eHl6', REDACTED],
    ['Location', 'http://u:p@b.test/', 'http://redacted:redacted@b.test/'],
    ['Access-Control-Allow-Origin', 'http://a.test', 'http://a.test'],
    ['X-Cookie-Hint', 'not a cookie', 'not a cookie'],
  ])('%s: %s → %s', (name, value, expected) => {
    expect(redactHeaders([{ name, value }])).toEqual([{ name, value: expected }]);
  });
});

describe('redactHar', () => {
  const exported = writeHar(
    [{
      exchange: {
        id: '1', initiatorOrigin: 'http://page.test', startedAt: 0, preflights: [], documentUrl: 'http://u:p@page.test/',
        hops: [{
          request: { method: 'GET', url: 'http://u:p@api.test/?q=1', headers: [{ name: 'Cookie', value: 'a=s3cret1; b=s3cret2' }] },
          response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'c=s3cret3; Path=/' }] },
        }],
      },
    }],
    { redact: false, pages: [{ id: 1, url: 'http://u:p@page.test/', startedAt: 0 }] },
  );

  test('replaces cookie values, secret headers and URL credentials everywhere; keeps names', () => {
    const text = JSON.stringify(redactHar(exported));
    for (const secret of ['s3cret', 'u:p@']) expect(text).not.toContain(secret);
    const entry = redactHar(exported).log.entries[0];
    expect(entry?.request.cookies.map((c) => [c.name, c.value])).toEqual([['a', REDACTED], ['b', REDACTED]]);
    expect(entry?.request.headers).toEqual([{ name: 'Cookie', value: REDACTED }]);
    expect(entry?.response.cookies.map((c) => c.name)).toEqual(['c']);
  });

  test('does not change its input', () => {
    const before = JSON.stringify(exported);
    redactHar(exported);
    expect(JSON.stringify(exported)).toBe(before);
  });
});
