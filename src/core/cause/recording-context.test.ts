import { describe, expect, test } from 'vitest';
import { patternKey } from './recording-context';

describe('patternKey: origin and path, identifiers folded', () => {
  test.each([
    ['https://api.example/v1/users/42?x=1', 'https://api.example/v1/users/*'],
    ['https://api.example/v1/users/3f2a1c9e-8b7d-4c6a-9e1f-0a2b3c4d5e6f/orders', 'https://api.example/v1/users/*/orders'],
    ['https://api.example/blobs/0123456789abcdef', 'https://api.example/blobs/*'],
    ['https://api.example/v1/users/me', 'https://api.example/v1/users/me'],
    ['http://localhost:9000/', 'http://localhost:9000/'],
    ['not a url', null],
  ])('%s → %s', (url, key) => {
    expect(patternKey(url)).toBe(key);
  });
});

describe('patternKey: the path as recorded', () => {
  test.each([
    ['https://API.example:443/a/7#frag', 'https://api.example/a/*'],
    ['https://api.example?x=/1', 'https://api.example/'],
    ['data:,x', null],
  ])('%s → %s', (url, key) => {
    expect(patternKey(url)).toBe(key);
  });
});
