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
    // Secret parameters: values go, names and every other parameter stay.
    ['http://api.test/x?access_token=abc&page=2', 'http://api.test/x?access_token=redacted&page=2'],
    ['http://api.test/x?page=2&api_key=abc#top', 'http://api.test/x?page=2&api_key=redacted#top'],
    ['http://app.test/cb#access_token=abc&token_type=bearer', 'http://app.test/cb#access_token=redacted&token_type=bearer'],
    ['https://b.s3.test/o?X-Amz-Credential=AK%2F1&X-Amz-Date=1&X-Amz-Signature=f00', 'https://b.s3.test/o?X-Amz-Credential=redacted&X-Amz-Date=1&X-Amz-Signature=redacted'],
    ['http://api.test/x?access%5Ftoken=abc', 'http://api.test/x?access%5Ftoken=redacted'],
    ['http://api.test/x?%74oken=abc', 'http://api.test/x?%74oken=redacted'],
    ['http://api.test/x?token=&q=1', 'http://api.test/x?token=&q=1'],
    ['http://u:p@api.test/?code=abc', 'http://redacted:redacted@api.test/?code=redacted'],
    ['Redirect to "http://idp.test/?code=abc" was blocked', 'Redirect to "http://idp.test/?code=redacted" was blocked'],
    ['http://api.test/x?keyword=cors&q=a=b', 'http://api.test/x?keyword=cors&q=a=b'],
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  test('an already redacted URL stays the same', () => {
    const once = redactUrl('http://api.test/?token=abc');
    expect(redactUrl(once)).toBe(once);
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
    ['X-Api-Key', 'k3y', REDACTED],
    ['X-Auth-Token', 't0k', REDACTED],
    ['Referer', 'http://app.test/?code=abc', 'http://app.test/?code=redacted'],
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
          request: { method: 'GET', url: 'http://u:p@api.test/?q=1&access_token=s3cret4', headers: [{ name: 'Cookie', value: 'a=s3cret1; b=s3cret2' }] },
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
    expect(entry?.request.url).toBe('http://redacted:redacted@api.test/?q=1&access_token=redacted');
    expect(entry?.request.queryString).toEqual([{ name: 'q', value: '1' }, { name: 'access_token', value: 'redacted' }]);
  });

  test('does not change its input', () => {
    const before = JSON.stringify(exported);
    redactHar(exported);
    expect(JSON.stringify(exported)).toBe(before);
  });
});
