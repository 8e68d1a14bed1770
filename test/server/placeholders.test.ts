import { expect, test } from 'vitest';
import { fillPlaceholders } from './placeholders';

const origins = { page: 'http://localhost:1000', api: 'http://localhost:2000', site: 'http://127.0.0.1:2000' };

test.each([
  ['{page}', undefined, 'http://localhost:1000'],
  ['{PAGE}', undefined, 'HTTP://LOCALHOST:1000'],
  ['{page}/', undefined, 'http://localhost:1000/'],
  ['{site}{self}/final', undefined, 'http://127.0.0.1:2000/api/s/final'],
  ['http://user:pass@{apiHost}{self}/final', undefined, 'http://user:pass@localhost:2000/api/s/final'],
  ['{origin}', 'null', 'null'],
  ['{origin}', undefined, ''],
  ['{page}, http://example.com', undefined, 'http://localhost:1000, http://example.com'],
])('%s with Origin %s → %s', (value, requestOrigin, expected) => {
  expect(fillPlaceholders(value, origins, 's', requestOrigin)).toBe(expected);
});
