// Caddy v2 Caddyfile: answer the preflight in its own `handle`, add the response headers to the rest.
// The response headers are deferred (`defer`: applied as the response is written): otherwise they
// are set before `reverse_proxy` runs, which then adds the upstream's own Access-Control-Allow-Origin
// beside ours, and the browser rejects two values (MultipleAllowOriginValues, seen in
// test/e2e/fix-servers.e2e.test.ts with Caddy in front of a backend that sends its own).
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
  lines.push('header {', '    defer');
  lines.push(...responseHeaders(p).map((h) => header('    ', h)));
  lines.push('}');
  return lines.join('\n');
}
