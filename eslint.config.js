// One lint toolchain for the repo; every disabled rule carries its reason. The architecture rules
// are enforced here: src/core stays pure, and only src/platform may touch the extension APIs.
import tseslint from 'typescript-eslint';

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
    files: ['src/core/**/*.ts'],
    // Tests run in Node and may read fixture files or spawn checkers; the code under test may not.
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'webextension-polyfill', message: 'src/core is pure.' }],
        patterns: [{ group: ['preact', 'preact/*', '../platform/*', '../panel/*', '../background/*', 'node:*'], message: 'src/core is pure: no UI, extension or Node APIs.' }],
      }],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'document', 'window', 'localStorage', 'process'],
    },
  },
);
