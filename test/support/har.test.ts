import { describe, expect, test } from 'vitest';
import { objectToHeaders, parseHeadersText, queryStringOf } from './har';

describe('parseHeadersText', () => {
  test.each([
    ['HTTP/1.1 204 No Content\r\nA: 1\r\n\r\n', 'No Content', [{ name: 'A', value: '1' }]],
    // Duplicate lines stay separate and in order: the analyzer must see both.
    ['HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: x\r\nAccess-Control-Allow-Origin: x\r\n\r\n', 'OK', [
      { name: 'Access-Control-Allow-Origin', value: 'x' },
      { name: 'Access-Control-Allow-Origin', value: 'x' },
    ]],
    // Values keep inner colons; surrounding whitespace is not part of the value (RFC 9110 §5.5).
    ['HTTP/1.1 302 Found\r\nLocation:   http://a:1/b  \r\n\r\n', 'Found', [{ name: 'Location', value: 'http://a:1/b' }]],
    ['HTTP/1.1 299 \r\n\r\n', '', []],
  ])('%j', (text, statusText, headers) => {
    expect(parseHeadersText(text)).toEqual({ statusText, headers });
  });
});

describe('objectToHeaders', () => {
  test.each([
    [{ A: '1' }, [{ name: 'A', value: '1' }]],
    // CDP joins repeated headers with a newline.
    [{ 'Set-Cookie': 'a=1\nb=2' }, [{ name: 'Set-Cookie', value: 'a=1' }, { name: 'Set-Cookie', value: 'b=2' }]],
  ])('%j', (obj, headers) => {
    expect(objectToHeaders(obj)).toEqual(headers);
  });
});

test.each([
  ['http://x/?a=1&b=', [{ name: 'a', value: '1' }, { name: 'b', value: '' }]],
  ['http://x/', []],
  ['not a url', []],
])('queryStringOf(%s)', (url, expected) => {
  expect(queryStringOf(url)).toEqual(expected);
});
