#!/usr/bin/env -S node --max-semi-space-size=16 --heap-growing-percent=100
// The `cors-lens` command: a shim that loads the built CLI (dist/cli.js, built by
// `npm run build:cli`, which `npm ci` runs through `prepare`).
//
// The V8 flags keep a large recording's garbage from piling up (peak RSS of `cors-lens analyze`
// on a 100 MB HAR, Node 24, medians of 7: no flags 337 MB, both flags 178 MB; wall time the same
// within noise; `npm run bench -- cli` runs the CLI with this line's flags):
// - --max-semi-space-size=16: Node 24 grows the young generation to 32 MB semi-spaces while a HAR
//   is read; what they promote stays until the next full GC (alone: 206 MB).
// - --heap-growing-percent=100: a full GC once the old generation has doubled since the last
//   one, instead of up to four times for a small heap (V8's heap-controller default).
// `env -S` splits the line on Linux (coreutils 8.30+) and macOS; npm's Windows shim reads it too.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('cors-lens: the CLI is not built (dist/cli.js is missing): run npm run build:cli\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
