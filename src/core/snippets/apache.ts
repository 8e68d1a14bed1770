// Apache httpd 2.4 (mod_headers, mod_rewrite): `Header always` covers error responses too;
// `merge` keeps any Vary the application already sends.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { preamble, preflightHeaders, responseHeaders } from './snippet-text';

function header(indent: string, [name, value]: [string, string]): string {
  const verb = name === 'Vary' ? 'merge' : 'set';
  return `${indent}Header always ${verb} ${name} "${value.replace(/["\\%]/g, '')}"`;
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
    lines.push(...responseHeaders(p).map((h) => header('    ', h)));
    lines.push('</Else>');
    lines.push('RewriteEngine On', 'RewriteCond %{REQUEST_METHOD} OPTIONS', `RewriteRule ^ - [R=${p.preflightStatus ?? 204},L]`);
  } else {
    lines.push(...responseHeaders(p).map((h) => header('', h)));
  }
  return lines.join('\n');
}
