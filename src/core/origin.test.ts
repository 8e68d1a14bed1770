import { describe, expect, test } from 'vitest';
import { originOf } from './origin';

describe('originOf (memoised by scheme://authority) agrees with the URL parser', () => {
  test.each([
    'http://localhost:8000/a?b#c', 'https://API.Example.com:443/x', 'http://user:pass@Localhost:80/x', 'http://a.test\\path',
    'http://a.test?x', 'http://a.test#f', 'HTTP://A.TEST/', 'Http://a.test/', 'data:,x', 'blob:http://a.test/uuid', 'not a url', '',
    'http://[::1]:9000/x', 'http://xn--nxasmq6b.test/', 'http://%zz/',
  ])('%s', (url) => {
    let expected: string | null;
    try {
      expected = new URL(url).origin;
    } catch {
      expected = null;
    }
    expect(originOf(url)).toBe(expected);
    expect(originOf(url)).toBe(expected); // and again, from the memo
  });
});
