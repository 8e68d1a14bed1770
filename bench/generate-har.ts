// A large HAR for the CLI benchmark, made from the recorded fixtures (test/fixtures/<browser>/*.har)
// instead of a checked-in 100 MB file. Each copy of a fixture gets its own pair of ports and its
// own ten seconds of time, so copies never link to each other's redirects or preflights; the file
// is laid out like Chrome DevTools' export (JSON.stringify with two spaces) and written as a
// stream, so a 1 GB file never sits in memory.
//   npx tsx bench/generate-har.ts <out.har> [megabytes=100] [chromium|firefox]

import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';

interface Fixture {
  readonly text: string;
  readonly ports: readonly string[];
}

const FIXTURES = new URL('../test/fixtures/', import.meta.url);

function loadFixtures(browser: string): { fixtures: Fixture[]; log: Record<string, unknown> } {
  const dir = new URL(`${browser}/`, FIXTURES);
  let log: Record<string, unknown> = {};
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.har')).sort().map((f) => {
    const har = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { log: Record<string, unknown> };
    log = har.log;
    // Everything but the entries and pages is the same in every fixture of one browser.
    const part = { pages: har.log.pages, entries: har.log.entries };
    const text = JSON.stringify(part);
    return { text, ports: [...new Set(text.match(/(?<=:\/\/[^/"]+:)\d{2,5}/g) ?? [])] };
  });
  return { fixtures, log };
}

/** Copy `k` of a fixture: its ports moved to a pair of its own, its times moved by k × 10 s. */
function copyOf(fixture: Fixture, k: number): { pages: unknown[]; entries: unknown[] } {
  const base = 1024 + ((k * fixture.ports.length) % 64000);
  let text = fixture.text;
  fixture.ports.forEach((port, i) => {
    text = text.replace(new RegExp(`(://[^/"]+:)${port}(?!\\d)`, 'g'), `$1${base + i}`);
  });
  const shift = k * 10_000;
  text = text.replace(/"(\d{4}-\d\d-\d\dT[\d:.]+Z)"/g, (_, at: string) => JSON.stringify(new Date(Date.parse(at) + shift).toISOString()));
  text = text.replace(/"(page_\d+)"/g, `"$1_${k}"`);
  return JSON.parse(text) as { pages: unknown[]; entries: unknown[] };
}

/** `value` as JSON.stringify(…, null, 2) writes it at `depth` levels of nesting. */
const indented = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

export async function generateHar(out: string, bytes: number, browser = 'chromium'): Promise<{ entries: number; bytes: number }> {
  const { fixtures, log } = loadFixtures(browser);
  const file = createWriteStream(out);
  let written = 0;
  const write = async (text: string): Promise<void> => {
    written += Buffer.byteLength(text);
    if (!file.write(text)) await once(file, 'drain');
  };
  // One pass to learn how many copies fit, for the pages that Chrome writes before the entries.
  const perRound = fixtures.reduce((n, f) => n + Buffer.byteLength(f.text) * 1.9, 0);
  const copies = Math.max(1, Math.ceil((bytes / perRound) * fixtures.length));
  const head = { version: log.version, creator: log.creator, browser: log.browser };
  await write(`{\n  "log": ${indented(head, 1).replace(/\n *}$/, ",")}\n    "pages": [`);
  let pages = 0;
  for (let k = 0; k < copies; k++) {
    for (const page of copyOf(fixtures[k % fixtures.length] as Fixture, k).pages) {
      await write(`${pages++ > 0 ? ',' : ''}\n      ${indented(page, 3)}`);
    }
  }
  await write('\n    ],\n    "entries": [');
  let entries = 0;
  for (let k = 0; k < copies; k++) {
    for (const entry of copyOf(fixtures[k % fixtures.length] as Fixture, k).entries) {
      await write(`${entries++ > 0 ? ',' : ''}\n      ${indented(entry, 3)}`);
    }
  }
  await write('\n    ]\n  }\n}\n');
  file.end();
  await once(file, 'finish');
  return { entries, bytes: written };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  const [out, megabytes = '100', browser = 'chromium'] = process.argv.slice(2);
  if (!out) throw new Error('usage: generate-har.ts <out.har> [megabytes] [chromium|firefox]');
  const result = await generateHar(resolve(out), Number(megabytes) * 1e6, browser);
  console.log(`${out}: ${result.entries.toLocaleString('en')} entries, ${(result.bytes / 1e6).toFixed(1)} MB`);
}
