// Koa with the generated `@koa/cors` configuration, one app per scenario in one `node` process:
// each snippet, unchanged, is pasted into its own ES module between `new Koa()` and the API
// middleware, and the process serves each app on its port (127.0.0.1 and ::1). The modules live
// under node_modules/.cache so `import cors from '@koa/cors'` resolves to the devDependencies.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ServerGroup, portsFor, runServerGroup } from './server-process';

const CACHE = new URL('../../node_modules/.cache/cors-lens-fix-proof/', import.meta.url).pathname;

function koaModule(snippet: string): string {
  return `import Koa from 'koa';
export const app = new Koa();
${snippet}
app.use((ctx) => { ctx.body = { ok: true, method: ctx.method }; });
`;
}

const MAIN = `import http from 'node:http';
const ports = JSON.parse(process.argv[2]);
for (const [file, port] of Object.entries(ports)) {
  const { app } = await import('./' + file);
  for (const host of ['127.0.0.1', '::1']) http.createServer(app.callback()).listen(port, host);
}
`;

/** `configs`: scenario id → the generated Koa snippet. */
export async function startKoaGroup(configs: ReadonlyMap<string, string>): Promise<ServerGroup> {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, 'koa-'));
  const ports = await portsFor([...configs.keys()]);
  const files: Record<string, number> = {};
  [...configs].forEach(([id, snippet], i) => {
    writeFileSync(join(dir, `app${i}.mjs`), koaModule(snippet));
    files[`app${i}.mjs`] = ports.get(id) ?? 0;
  });
  writeFileSync(join(dir, 'main.mjs'), MAIN);
  return runServerGroup(process.execPath, [join(dir, 'main.mjs'), JSON.stringify(files)], ports, { dir });
}
