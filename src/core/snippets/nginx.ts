// nginx: `add_header ... always` so the headers are also sent on 4xx/5xx. Headers set inside
// an `if` block replace (not add to) the enclosing ones, so the preflight branch repeats them.
// add_header adds a line even when the proxied backend already sends that header: a backend with
// its own (wrong) CORS headers would then send two Access-Control-Allow-Origin values, which the
// browser rejects (MultipleAllowOriginValues, seen in test/e2e/fix-servers.e2e.test.ts), so the
// backend's copies are hidden. Vary is not hidden: several Vary lines combine.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { preamble, preflightHeaders, responseHeaders } from './snippet-text';

function addHeader(indent: string, [name, value]: [string, string]): string {
  return `${indent}add_header ${name} "${value.replace(/["\\$]/g, '')}" always;`;
}

export function nginxSnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '#');
  if (!p.origin) return head.join('\n');
  const lines = [...head, '# Inside the location {} that serves this URL:'];
  if (p.preflight) {
    lines.push('if ($request_method = OPTIONS) {');
    lines.push(...preflightHeaders(p).map((h) => addHeader('    ', h)));
    lines.push(`    return ${p.preflightStatus ?? 204};`, '}');
  }
  const response = responseHeaders(p);
  lines.push('# Drop the backend\'s own CORS headers (fastcgi_hide_header / uwsgi_hide_header for those backends):');
  lines.push(...response.filter(([name]) => name !== 'Vary').map(([name]) => `proxy_hide_header ${name};`));
  lines.push(...response.map((h) => addHeader('', h)));
  return lines.join('\n');
}
