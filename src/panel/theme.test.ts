// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { applyTheme } from './theme';

test.each([
  ['dark', false, 'dark'],
  ['light', true, 'light'],
  [null, true, 'dark'],
  [null, false, 'light'],
] as const)('DevTools theme %s, system dark %s → data-theme %s', (theme, systemDark, expected) => {
  const root = document.createElement('html');
  applyTheme(root, theme, systemDark);
  expect(root.dataset['theme']).toBe(expected);
});
