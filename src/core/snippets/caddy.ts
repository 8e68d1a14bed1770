// Caddy v2 Caddyfile: answer the preflight in its own `handle`, add the response headers to the rest.
// The response headers go out twice, both proven in test/e2e/fix-servers.e2e.test.ts: set at once,
// they are on Caddy's own errors too (a 502 for a dead upstream skips deferred headers), but
// `reverse_proxy` then adds the upstream's own Access-Control-Allow-Origin beside ours and the
// browser rejects two values (MultipleAllowOriginValues); set again with `defer`, as the response
// is written, they replace the upstream's.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { preamble, preflightHeaders, responseHeaders } from './snippet-text';

function header(indent: string, [name, value]: [string, string]): string {
  // `+Vary` appends rather than replacing what the upstream sends.
  return `${indent}${name === 'Vary' ? '+Vary' : name} "${value.replace(/["\\{}]/g, '')}"`;
}

export function caddySnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '#');
  if (!p.origin) return head.join('\n');
  const lines = [...head, '# Inside the site block that serves this URL:'];
  if (p.preflight) {
    lines.push('@corsPreflight method OPTIONS', 'handle @corsPreflight {', '    header {');
    // The site-wide `header` block below runs first for every response, preflights included
    // (Caddyfile directive order), so only the preflight-only headers go here.
    const shared = new Set(responseHeaders(p).map(([name]) => name));
    lines.push(...preflightHeaders(p).filter(([name]) => !shared.has(name)).map((h) => header('        ', h)));
    lines.push('    }', `    respond ${p.preflightStatus ?? 204}`, '}');
  }
  lines.push('header {');
  lines.push(...responseHeaders(p).map((h) => header('    ', h)));
  lines.push('}', "# Again as the response is written: replaces a proxied backend's own values.", 'header {', '    defer');
  lines.push(...responseHeaders(p).filter(([name]) => name !== 'Vary').map((h) => header('    ', h)));
  lines.push('}');
  return lines.join('\n');
}
