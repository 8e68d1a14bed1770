// Debian's nginx, run by the test as an ordinary process: a temporary prefix holds the config,
// pid, logs and temp paths, `daemon off` and `master_process off` keep it one child process we
// can stop. The generated snippet goes, unchanged, into the `location /api/` that serves the API.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from './node-app';

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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Until something answers HTTP on 127.0.0.1:port, or the child died, or 10 s passed. */
export async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${log()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`server did not listen on ${port}: ${log()}`);
}

export async function startNginx(snippet: string, upstream?: string): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, port, snippet, upstream));
  const child = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += String(d); });
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => stderr);
  } catch (error) {
    await close();
    throw error;
  }
  return { origin: `http://localhost:${port}`, close };
}
