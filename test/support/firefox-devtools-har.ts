// Firefox DevTools' own HAR export, for fixtures: Firefox started with `--devtools` opens the
// toolbox on its first tab, which loads a tiny throwaway extension's devtools_page; that page posts
// `browser.devtools.network.getHAR()` (Firefox's HarBuilder, the code behind the Network panel's
// "Save All As HAR") to a loopback collector every few hundred ms. Nothing of ours shapes the
// entries. Also how we learned that Firefox hands an extension no CORS blocked reason at all
// (test/fixtures/README.md).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POST_EVERY_MS = 300;

export interface HarPost {
  readonly at: number;
  readonly log: { readonly entries: readonly { readonly request: { readonly url: string }; readonly response: { readonly status: number } }[] } & Record<string, unknown>;
}

/** The loopback collector and the extension directory that posts to it. */
export class FirefoxDevtoolsHar {
  #latest: HarPost | undefined;
  readonly #server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      try {
        if (body) this.#latest = { at: Date.now(), log: JSON.parse(body) as HarPost['log'] };
      } finally {
        res.writeHead(204, { 'Access-Control-Allow-Origin': '*' });
        res.end();
      }
    });
  });
  /** The throwaway extension (temporary install), with the collector's port written in. */
  extensionDir = '';

  private constructor() {}

  static async start(): Promise<FirefoxDevtoolsHar> {
    const self = new FirefoxDevtoolsHar();
    await new Promise<void>((resolve) => self.#server.listen(0, '127.0.0.1', resolve));
    const { port } = self.#server.address() as { port: number };
    const dir = mkdtempSync(join(tmpdir(), 'cors-lens-ff-devtools-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
      manifest_version: 2,
      name: 'CORS Lens fixture recorder: Firefox DevTools HAR',
      version: '1.0.0',
      devtools_page: 'devtools.html',
      permissions: [`http://127.0.0.1:${port}/*`],
      browser_specific_settings: { gecko: { id: 'har-recorder@cors-lens.test' } },
    }));
    writeFileSync(join(dir, 'devtools.html'), '<!doctype html><meta charset="utf-8"><script src="devtools.js"></script>\n');
    writeFileSync(join(dir, 'devtools.js'), `setInterval(async () => {
  const log = await browser.devtools.network.getHAR();
  await fetch('http://127.0.0.1:${port}/har', { method: 'POST', body: JSON.stringify(log) });
}, ${POST_EVERY_MS});\n`);
    self.extensionDir = dir;
    return self;
  }

  /** The first log posted after `since` that `done` accepts (the page's requests all in it). */
  async logAfter(since: number, done: (log: HarPost['log']) => boolean, timeoutMs = 15_000): Promise<HarPost['log']> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = this.#latest;
      if (latest && latest.at > since && done(latest.log)) {
        // Entries for requests that were never sent trail the answered ones: take a later post too.
        const settled = Date.now();
        while (!(this.#latest && this.#latest.at > settled + 2 * POST_EVERY_MS) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        return (this.#latest ?? latest).log;
      }
      if (Date.now() > deadline) {
        const seen = latest ? `the last, ${Date.now() - latest.at} ms old, had ${latest.log.entries.length} entries` : 'none arrived';
        throw new Error(`Firefox DevTools posted no HAR with the scenario in time (${seen})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
