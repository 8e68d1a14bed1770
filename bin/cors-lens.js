#!/usr/bin/env -S node --max-semi-space-size=16
// The `cors-lens` command: a shim that loads the built CLI (dist/cli.js, built by
// `npm run build:cli`, which `npm ci` runs through `prepare`).
//
// --max-semi-space-size=16: V8 in Node 24 grows the young generation to 32 MB semi-spaces
// while a large HAR is read; what is promoted through them stays until the next full GC.
// Capped at 16 MB, `cors-lens analyze` of a 100 MB HAR peaks at ~190 MB instead of ~330 MB,
// at the same speed (`npm run bench -- cli` runs the CLI with this line's flags). `env -S`
// splits the line on Linux (coreutils 8.30+) and macOS; npm's Windows shim reads it too.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('cors-lens: the CLI is not built (dist/cli.js is missing): run npm run build:cli\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
