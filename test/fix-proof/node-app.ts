// Run a generated Express or Fastify configuration for real: the snippet text, unchanged, is
// pasted into a tiny ESM program between the app's creation and its routes, which a child
// `node` runs on a loopback port (127.0.0.1 and ::1, as the browser may resolve `localhost` to
// either). The program lives under node_modules/.cache so `import cors from 'cors'` resolves to
// the project's devDependencies.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type NodeServer = 'express' | 'fastify';

const CACHE = new URL('../../node_modules/.cache/cors-lens-fix-proof/', import.meta.url).pathname;

/** The API the generated configuration guards: every method the catalogue uses, under /api/. */
const PROGRAMS: Record<NodeServer, (snippet: string) => string> = {
  express: (snippet) => `import express from 'express';
import http from 'node:http';
const app = express();
${snippet}
app.all('/api/*rest', (req, res) => { res.json({ ok: true, method: req.method }); });
const v4 = http.createServer(app).listen(0, '127.0.0.1', () => {
  const { port } = v4.address();
  const v6 = http.createServer(app).listen(port, '::1', () => console.log('listening ' + port));
});
`,
  fastify: (snippet) => `import Fastify from 'fastify';
const fastify = Fastify();
${snippet}
fastify.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/api/*', handler: async (req) => ({ ok: true, method: req.method }) });
// 'localhost': Fastify listens on both 127.0.0.1 and ::1.
await fastify.listen({ port: 0, host: 'localhost' });
console.log('listening ' + fastify.server.address().port);
`,
};

export interface RunningServer {
  /** `http://localhost:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

export function programFor(server: NodeServer, snippet: string): string {
  return PROGRAMS[server](snippet);
}

export async function startNodeApp(server: NodeServer, snippet: string): Promise<RunningServer> {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, `${server}-`));
  const file = join(dir, 'server.mjs');
  writeFileSync(file, programFor(server, snippet));
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const cleanup = async (): Promise<void> => {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`${server} did not start in 10 s: ${err}`)), 10_000);
      child.stdout?.on('data', (d: Buffer) => {
        out += String(d);
        const m = /listening (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.stderr?.on('data', (d: Buffer) => { err += String(d); });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${server} exited with ${code}: ${err}\n--- program ---\n${programFor(server, snippet)}`));
      });
    });
    return { origin: `http://localhost:${port}`, close: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
