// Debian's nginx, run by the test as an ordinary process: a temporary prefix holds the config,
// pid, logs and temp paths, `daemon off` and `master_process off` keep it one child process we
// can stop. The generated snippet goes, unchanged, into the `location /api/` that serves the API.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from './node-app';
import { freePort, runServerProcess } from './server-process';

export const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';

export function nginxAvailable(): boolean {
  return existsSync(NGINX);
}

/**
 * `upstream`: proxy the API to this backend (which may send CORS headers of its own), instead of
 * answering every request with a fixed 200 in nginx itself.
 */
export function nginxConfig(dir: string, port: number, snippet: string, upstream?: string): string {
  const indented = snippet.split('\n').map((l) => `            ${l}`).join('\n');
  return `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    server {
        listen 127.0.0.1:${port};
        listen [::1]:${port};
        location /api/ {
${indented}
            ${upstream ? `proxy_pass ${upstream};` : `default_type application/json;\n            return 200 '{"ok":true}\\n';`}
        }
    }
}
`;
}

/** `nginx -t` on the snippet inside a complete config: ok, or nginx's own complaint. */
export function checkNginx(snippet: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-nginx-t-'));
  try {
    writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, 1, snippet));
    const r = spawnSync(NGINX, ['-t', '-q', '-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stderr}${r.stdout}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startNginx(snippet: string, upstream?: string): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, port, snippet, upstream));
  return runServerProcess(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], dir, port);
}
