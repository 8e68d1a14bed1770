// One lint toolchain for the repo; every disabled rule carries its reason. The architecture rules
// are enforced here: src/core stays pure, only src/platform may touch the extension APIs,
// src/platform imports no layer above it (background, panel and devtools import it, never the other way), and shipped
// code never imports test helpers, test data or benches (test/, bench/, scripts/, *.test files).
import tseslint from 'typescript-eslint';

/** Shipped code (everything under src/ except tests) may not reach into test-only places. */
const TEST_ONLY = {
  regex: String.raw`^\.{1,2}/(.*/)?(test|bench|scripts)(/|$)|\.(test|bench)$`,
  message: 'Shipped code may not import tests, test data or benches.',
};
const TESTS = 'src/**/*.test.{ts,tsx}';

export default tseslint.config(
  { ignores: ['extension/**', 'dist/**', 'node_modules/**', '.tmp/**', 'bin/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: 'Only src/platform may import webextension-polyfill.' }] }],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use src/platform.' }, { name: 'browser', message: 'Use src/platform.' }],
    },
  },
  {
    // The same rule again with the test-only patterns: a later block's options replace an earlier one's.
    files: ['src/**/*.{ts,tsx}'],
    ignores: [TESTS, 'src/platform/**', 'src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'webextension-polyfill', message: 'Only src/platform may import webextension-polyfill.' }],
        patterns: [TEST_ONLY],
      }],
    },
  },
  {
    // The layer the others stand on: it defines the contracts (ports, webRequest details, storage)
    // that background, panel and devtools code against, and imports none of them.
    files: ['src/platform/**/*.ts'],
    ignores: [TESTS],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: String.raw`^(\.\./)+(background|panel|devtools|cli|playwright)(/|$)`, message: 'src/platform imports only src/core and itself.' },
          TEST_ONLY,
        ],
      }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    // Tests run in Node and may read fixture files or spawn checkers; the code under test may not.
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'webextension-polyfill', message: 'src/core is pure.' }],
        patterns: [
          { group: ['preact', 'preact/*', 'node:*'], message: 'src/core is pure: no UI, extension or Node APIs.' },
          // A regex, not '../platform/*': that glob missed files one folder deeper (src/core/har/x.ts).
          { regex: String.raw`^(\.\./)+(platform|panel|background|devtools|cli|playwright)(/|$)`, message: 'src/core is pure: no UI, extension or Node APIs.' },
          TEST_ONLY,
        ],
      }],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'document', 'window', 'localStorage', 'process'],
    },
  },
);
