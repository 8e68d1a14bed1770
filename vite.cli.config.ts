// Builds the `cors-lens` CLI into dist/cli.js: an SSR (Node) build of src/cli/main.ts with
// src/core bundled in, so the CLI needs nothing at run time but Node 20.
// `npm ci` runs it through `prepare`; bin/cors-lens.js loads the result.

import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  // Not the extension's config: no Preact plugin, no public/ copy.
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist',
    // Other files may live in dist/ (and a test may build while another reads): replace ours only.
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'es', entryFileNames: 'cli.js' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
