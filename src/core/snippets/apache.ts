// Apache httpd 2.4 (mod_headers, mod_rewrite): `Header always` covers error responses too;
// `merge` keeps any Vary the application already sends. `always` writes a table of its own, so a
// header the application or a proxied backend already sends would go out twice (two
// Access-Control-Allow-Origin values: the browser blocks it, see test/e2e/fix-servers.e2e.test.ts):
// `Header onsuccess unset` removes the application's copy first.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { preamble, preflightHeaders, responseHeaders } from './snippet-text';

function header(indent: string, [name, value]: [string, string]): string {
  const verb = name === 'Vary' ? 'merge' : 'set';
  return `${indent}Header always ${verb} ${name} "${value.replace(/["\\%]/g, '')}"`;
}

/** The response headers, each replacing the application's own copy (Vary is merged instead). */
function responseLines(indent: string, headers: [string, string][]): string[] {
  return headers.flatMap((h) => (h[0] === 'Vary' ? [header(indent, h)] : [`${indent}Header onsuccess unset ${h[0]}`, header(indent, h)]));
}

export function apacheSnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '#');
  if (!p.origin) return head.join('\n');
  const lines = [...head, '# In the <VirtualHost>, <Directory> or .htaccess that serves this URL (a2enmod headers rewrite):'];
  if (p.preflight) {
    lines.push(`<If "%{REQUEST_METHOD} == 'OPTIONS'">`);
    lines.push(...preflightHeaders(p).map((h) => header('    ', h)));
    lines.push('</If>', '<Else>');
    lines.push(...responseLines('    ', responseHeaders(p)));
    lines.push('</Else>');
    lines.push('RewriteEngine On', 'RewriteCond %{REQUEST_METHOD} OPTIONS', `RewriteRule ^ - [R=${p.preflightStatus ?? 204},L]`);
  } else {
    lines.push(...responseLines('', responseHeaders(p)));
  }
  return lines.join('\n');
}
