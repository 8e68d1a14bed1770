// Flask with Flask-CORS: `vary_header` (default on) adds `Vary: Origin` for a specific origin.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { list, preamble, regexEscape, sq } from './snippet-text';

export function flaskSnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '#');
  if (!p.origin) return head.join('\n');
  const opts = [`        'origins': ${list([p.origin])},`, `        'methods': ${list(p.methods)},`, `        'allow_headers': ${list(p.allowHeaders)},`];
  if (p.exposeHeaders.length) opts.push(`        'expose_headers': ${list(p.exposeHeaders)},`);
  if (p.credentials) opts.push("        'supports_credentials': True,");
  if (p.maxAge !== null) opts.push(`        'max_age': ${p.maxAge},`);
  return [
    ...head,
    '# pip install flask-cors',
    'from flask_cors import CORS',
    '',
    'CORS(app, resources={',
    `    ${sq(`^${regexEscape(p.path)}$`)}: {`,
    ...opts,
    '    },',
    '})',
  ].join('\n');
}
