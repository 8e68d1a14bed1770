#!/usr/bin/env node
// The `cors-lens` command: a shim that loads the built CLI (dist/cli.js, built by
// `npm run build:cli`, which `npm ci` runs through `prepare`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('cors-lens: the CLI is not built (dist/cli.js is missing): run npm run build:cli\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
