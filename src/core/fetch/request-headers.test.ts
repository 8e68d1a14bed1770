import { describe, expect, test } from 'vitest';
import { h } from '../../../test/support/exchange-builders';
import { corsUnsafeRequestHeaderNames, isCorsSafelistedRequestHeader, isForbiddenRequestHeader } from './request-headers';

describe('CORS-safelisted request-header (Fetch §2.2.2)', () => {
  test.each([
    ['Accept', 'application/json', true],
    ['Accept', '*/*', true],
    ['Accept', 'text/html; q="0.9"', false], // '"' is a CORS-unsafe request-header byte
    ['Accept', 'a'.repeat(128), true],
    ['Accept', 'a'.repeat(129), false], // over 128 bytes
    ['Accept', 'é'.repeat(65), false], // 130 bytes in UTF-8
    ['Accept-Language', 'en-US,en;q=0.9', true],
    ['Accept-Language', 'en_US', false],
    ['Content-Language', 'de-DE', true],
    ['Content-Type', 'text/plain', true],
    ['Content-Type', 'text/plain;charset=UTF-8', true],
    ['Content-Type', 'TEXT/PLAIN', true],
    ['Content-Type', 'application/x-www-form-urlencoded', true],
    ['Content-Type', 'multipart/form-data; boundary=x', true],
    ['Content-Type', 'application/json', false],
    ['Content-Type', 'text/plain; charset="utf-8"', false], // unsafe byte '"'
    ['Content-Type', 'text', false], // does not parse as a MIME type
    ['Range', 'bytes=0-499', true],
    ['Range', 'bytes=500-', true],
    ['Range', 'bytes=-500', false], // suffix range
    ['Range', 'bytes=0-1,5-9', false], // multiple ranges
    ['Range', 'bytes=10-5', false], // start > end
    ['Range', 'items=0-5', false],
    ['X-Requested-With', 'XMLHttpRequest', false],
    ['Authorization', 'Bearer x', false],
  ])('%s: %s → %s', (name, value, expected) => {
    expect(isCorsSafelistedRequestHeader(name, value)).toBe(expected);
  });
});

describe('forbidden request headers are never the author\'s', () => {
  test.each([['Origin', true], ['Cookie', true], ['Sec-Fetch-Mode', true], ['Proxy-Authorization', true], ['Host', true], ['X-Api-Key', false], ['Authorization', false]])(
    '%s → %s', (name, expected) => expect(isForbiddenRequestHeader(name)).toBe(expected),
  );
});

describe('CORS-unsafe request-header names', () => {
  test.each([
    ['none for a plain GET', { Accept: '*/*', Origin: 'http://a' }, []],
    ['lower-cased and sorted', { 'X-B': '1', 'X-A': '2', Accept: '*/*' }, ['x-a', 'x-b']],
    ['non-safelisted content type', { 'Content-Type': 'application/json' }, ['content-type']],
    ['browser-added headers are skipped', { 'User-Agent': 'x', 'Cache-Control': 'no-cache', 'X-Custom': '1' }, ['x-custom']],
    ['safelisted headers within the 1024-byte budget stay safe', { Accept: 'a'.repeat(128), 'Accept-Language': 'b'.repeat(128), 'Content-Language': 'c'.repeat(128), 'Content-Type': 'text/plain', Range: 'bytes=0-1', 'X-Pad': 'x', A1: 'x' }, ['a1', 'x-pad']],
  ])('%s', (_label, headers, expected) => {
    expect(corsUnsafeRequestHeaderNames(h(headers), (n) => ['user-agent', 'cache-control'].includes(n.toLowerCase()))).toEqual(expected);
  });

  test('a total over 1024 bytes of safelisted values turns them unsafe', () => {
    const many = h({ Accept: ['a'.repeat(120)], 'Accept-Language': 'b'.repeat(120) });
    const big = [...many, ...Array.from({ length: 8 }, () => ({ name: 'Accept', value: 'c'.repeat(110) }))];
    expect(corsUnsafeRequestHeaderNames(big)).toEqual(['accept', 'accept-language']);
  });
});
