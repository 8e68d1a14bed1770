// Builds `cors-lens/playwright` into dist/playwright.js: the CLI's build (vite.cli.config.ts) with
// src/playwright/index.ts as its entry and `@playwright/test` left to the user's own install (a
// peer dependency: the fixture must extend the very `test` their runner loaded).

import { mergeConfig } from 'vite';
import cli from './vite.cli.config.js';

export default mergeConfig(cli, {
  build: {
    ssr: 'src/playwright/index.ts',
    rollupOptions: { external: ['@playwright/test'], output: { entryFileNames: 'playwright.js' } },
  },
});
