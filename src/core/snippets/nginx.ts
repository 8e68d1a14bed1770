// nginx: `add_header ... always` so the headers are also sent on 4xx/5xx. Headers set inside
// an `if` block replace (not add to) the enclosing ones, so the preflight branch repeats them.
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
  lines.push(...responseHeaders(p).map((h) => addHeader('', h)));
  return lines.join('\n');
}
