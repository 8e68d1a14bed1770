// The package's types: the declarations of src/playwright/index.ts (tsconfig.types.json) as
// dist/playwright.d.ts. That file declares the whole public surface and imports nothing but
// `@playwright/test`, so it is shipped alone; a relative import in it would point at a file the
// package does not contain, which this script refuses.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}.tmp/types`;
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.types.json`], { stdio: 'inherit' });
const declarations = `${out}/playwright/index.d.ts`;
const relative = /from\s+['"]\.\.?\//.exec(readFileSync(declarations, 'utf8'));
if (relative) {
  console.error(`build-types: ${declarations} imports another file of ours (${relative[0]}...): keep the public types in src/playwright/index.ts`);
  process.exit(1);
}
copyFileSync(declarations, `${root}dist/playwright.d.ts`);
