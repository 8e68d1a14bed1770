import { expect, test } from 'vitest';
import { tabIdFrom } from './tab-id';

test.each([
  ['?tabId=12', 3, 12],
  ['?tabId=12&standalone=1', undefined, 12],
  ['', 3, 3],
  ['', undefined, null],
  ['?standalone=1', 3, null],
  ['?tabId=abc', 3, 3],
  ['?tabId=-1', undefined, null],
])('tabIdFrom(%j, %j) = %j', (search, inspected, expected) => {
  expect(tabIdFrom(search, inspected)).toBe(expected);
});
