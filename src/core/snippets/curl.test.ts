import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { Exchange } from '../model';
import { preflightCurl, requestCurl, shellQuote } from './curl';

const base: Exchange = {
  id: '1',
  initiatorOrigin: 'https://app.test',
  startedAt: 0,
  hops: [
    {
      request: {
        method: 'PUT',
        url: 'https://api.test/items?a=1&b=2',
        headers: [
          { name: 'Content-Type', value: 'application/json' },
          { name: 'Authorization', value: 'Bearer secret' },
          { name: 'Host', value: 'api.test' },
        ],
      },
    },
  ],
  preflights: [],
};

/** What a POSIX shell makes of the quoted word: the quoting is right when it round-trips. */
function shellWord(quoted: string): string {
  return execFileSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });
}

describe('shellQuote', () => {
  test.each([["it's"], ['$(rm -rf /)'], ['`id`'], ['a\\b'], ['"q"'], ['plain']])('%j round-trips through sh', (value) => {
    expect(shellWord(shellQuote(value))).toBe(value);
  });
  test('control characters become spaces', () => {
    expect(shellWord(shellQuote('a\nb\rc'))).toBe('a b c');
  });
});

describe('requestCurl', () => {
  test.each([
    [true, "'Authorization: [redacted]'", 'Bearer secret'],
    [false, "'Authorization: Bearer secret'", '[redacted]'],
  ])('redact=%s', (redact, present, absent) => {
    const text = requestCurl(base, { redact });
    expect(text).toContain(present);
    expect(text).not.toContain(absent);
  });

  test.each([
    ["-X 'PUT'"],
    ["'https://api.test/items?a=1&b=2'"],
    ["-H 'Content-Type: application/json'"],
    ["-H 'Origin: https://app.test'"],
  ])('contains %s', (part) => {
    expect(requestCurl(base)).toContain(part);
  });

  test('drops Host (curl sets it)', () => {
    expect(requestCurl(base)).not.toContain('Host:');
  });
});

describe('preflightCurl', () => {
  test('synthesises the preflight the browser would send (Fetch §4.8) when none was recorded', () => {
    const text = preflightCurl(base, ['X-B', 'content-type', 'x-a']) ?? '';
    expect(text).toContain("-X 'OPTIONS'");
    expect(text).toContain("'Access-Control-Request-Method: PUT'");
    expect(text).toContain("'Access-Control-Request-Headers: content-type,x-a,x-b'");
    expect(text).toContain("'Origin: https://app.test'");
  });

  test('uses the recorded preflight when there is one', () => {
    const withPreflight: Exchange = {
      ...base,
      preflights: [
        {
          request: {
            method: 'OPTIONS',
            url: 'https://api.test/recorded',
            headers: [
              { name: 'Origin', value: 'https://app.test' },
              { name: 'Access-Control-Request-Method', value: 'PUT' },
            ],
          },
        },
      ],
    };
    expect(preflightCurl(withPreflight, [])).toContain("'https://api.test/recorded'");
  });

  test('no origin, no preflight to reproduce', () => {
    expect(preflightCurl({ ...base, initiatorOrigin: null }, [])).toBeNull();
  });
});
