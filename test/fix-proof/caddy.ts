// Debian's Caddy, run by the test as one process with a Caddyfile of one site per scenario, each
// on its own port: the generated snippet goes, unchanged, into the site block, in front of either
// a plain 200 answer or a reverse_proxy to the real backend, which sends CORS headers of its own. No admin endpoint, no automatic HTTPS, its storage in a temporary directory.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerGroup, portsFor, runServerGroup } from './server-process';

export const CADDY = process.env['CADDY_PATH'] ?? '/usr/bin/caddy';

export function caddyAvailable(): boolean {
  return existsSync(CADDY);
}

/** What answers the API: a plain 200, a reverse_proxy to `upstream`, or whatever the config itself says. */
export type CaddyApi = 'respond' | { readonly upstream: string } | 'in-config';

function site(port: number, snippet: string, api: CaddyApi): string {
  const indented = snippet.split('\n').map((l) => `\t${l}`).join('\n');
  const handler = api === 'in-config' ? '' : api === 'respond' ? '\trespond "ok" 200\n' : `\treverse_proxy ${api.upstream}\n`;
  return `http://localhost:${port} {
\tbind 127.0.0.1 [::1]
${indented}
${handler}}
`;
}

function caddyfile(dir: string, sites: readonly [number, string][], api: CaddyApi = 'respond'): string {
  return `{
\tadmin off
\tauto_https off
\tstorage file_system ${dir}/data
}
${sites.map(([port, snippet]) => site(port, snippet, api)).join('\n')}`;
}

/** `caddy validate` of the snippet in a site block: ok, or Caddy's own complaint. */
export function checkCaddy(snippet: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-caddy-t-'));
  try {
    writeFileSync(join(dir, 'Caddyfile'), caddyfile(dir, [[8, snippet]]));
    const r = spawnSync(CADDY, ['validate', '--adapter', 'caddyfile', '--config', join(dir, 'Caddyfile')], { encoding: 'utf8', env: caddyEnv(dir) });
    return { ok: r.status === 0, output: r.status === 0 ? '' : `${r.stderr}${r.stdout}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function caddyEnv(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data') };
}

/** A bcrypt hash for `basicauth`, from Caddy itself. */
export function caddyHashPassword(password: string): string {
  return spawnSync(CADDY, ['hash-password', '--plaintext', password], { encoding: 'utf8' }).stdout.trim();
}

/** `configs`: scenario id → the generated Caddyfile snippet. */
export async function startCaddyGroup(configs: ReadonlyMap<string, string>, api: CaddyApi = 'respond'): Promise<ServerGroup> {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-caddy-'));
  const ports = await portsFor([...configs.keys()]);
  const sites = [...configs].map(([id, snippet]): [number, string] => [ports.get(id) ?? 0, snippet]);
  writeFileSync(join(dir, 'Caddyfile'), caddyfile(dir, sites, api));
  return runServerGroup(CADDY, ['run', '--adapter', 'caddyfile', '--config', join(dir, 'Caddyfile')], ports, { dir, env: caddyEnv(dir) });
}
