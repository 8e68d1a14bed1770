// Debian's Apache httpd (installed by .ci/run), with self-contained configs in a temp dir: only
// the modules needed, no /etc/apache2 environment. `checkApache` syntax-checks the generated
// snippet inside a <Directory> (`apache2 -t`); `startApache` runs it for real at server level
// (the "<VirtualHost>" placement the snippet names) in front of a tiny CGI API, as one
// foreground process (`-X`) that the test stops.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runServerProcess } from './server-process';
import type { RunningServer } from './node-app';

export const APACHE = process.env['APACHE_PATH'] ?? '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

export function apacheAvailable(): boolean {
  return existsSync(APACHE) && existsSync(`${MODULES}/mod_headers.so`);
}

export function apacheConfig(dir: string, port: number, snippet: string): string {
  const indented = snippet.split('\n').map((l) => `    ${l}`).join('\n');
  return `ServerName localhost
LoadModule mpm_event_module ${MODULES}/mod_mpm_event.so
LoadModule authz_core_module ${MODULES}/mod_authz_core.so
LoadModule headers_module ${MODULES}/mod_headers.so
LoadModule rewrite_module ${MODULES}/mod_rewrite.so
Listen 127.0.0.1:${port}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
DocumentRoot ${dir}
<Directory ${dir}>
    Require all granted
${indented}
</Directory>
`;
}

/** `apache2 -t` on the snippet inside a complete config: ok, or Apache's own complaint. */
export function checkApache(snippet: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-apache-t-'));
  try {
    writeFileSync(join(dir, 'httpd.conf'), apacheConfig(dir, 8, snippet));
    const r = spawnSync(APACHE, ['-t', '-f', join(dir, 'httpd.conf')], { encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stderr}${r.stdout}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function serverConfig(dir: string, port: number, snippet: string, upstream?: string): string {
  const api = upstream
    ? `LoadModule proxy_module ${MODULES}/mod_proxy.so\nLoadModule proxy_http_module ${MODULES}/mod_proxy_http.so\nProxyPass /api/ ${upstream}/api/`
    : `ScriptAliasMatch ^/api/ ${dir}/api.sh`;
  return `ServerName localhost
LoadModule mpm_prefork_module ${MODULES}/mod_mpm_prefork.so
LoadModule authz_core_module ${MODULES}/mod_authz_core.so
LoadModule headers_module ${MODULES}/mod_headers.so
LoadModule rewrite_module ${MODULES}/mod_rewrite.so
LoadModule alias_module ${MODULES}/mod_alias.so
LoadModule cgi_module ${MODULES}/mod_cgi.so
User www-data
Group www-data
# -X serves one connection at a time: a browser's idle keep-alive connection would stall the next.
KeepAlive Off
Listen 127.0.0.1:${port}
Listen [::1]:${port}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
DocumentRoot ${dir}
${api}
<Directory ${dir}>
    Require all granted
</Directory>
${snippet}
`;
}

/** `upstream`: proxy /api/ to this backend (which may send CORS headers of its own) instead of the CGI. */
export async function startApache(snippet: string, upstream?: string): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-apache-'));
  // Apache's children run as www-data: they must read the config dir and run the CGI.
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'api.sh'), '#!/bin/sh\nprintf \'Content-Type: application/json\\r\\n\\r\\n{"ok":true}\\n\'\n', { mode: 0o755 });
  const port = await freePort();
  writeFileSync(join(dir, 'httpd.conf'), serverConfig(dir, port, snippet, upstream));
  return runServerProcess(APACHE, ['-X', '-f', join(dir, 'httpd.conf')], dir, port);
}
