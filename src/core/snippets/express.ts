// Express with the `cors` package. With a string `origin`, `cors` sends exactly that origin and
// adds `Vary: Origin`; it answers OPTIONS itself (204 unless optionsSuccessStatus says otherwise).
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { list, preamble, sq } from './snippet-text';

export function jsCorsOptions(input: SnippetInput, names: { methods: string; allowHeaders: string; exposeHeaders: string }): string[] {
  const p = corsPolicy(input);
  const lines = [`  origin: ${sq(p.origin ?? '')},`];
  if (p.methods.length) lines.push(`  ${names.methods}: ${list(p.methods)},`);
  if (p.preflight) lines.push(`  ${names.allowHeaders}: ${list(p.allowHeaders)},`);
  if (p.exposeHeaders.length) lines.push(`  ${names.exposeHeaders}: ${list(p.exposeHeaders)},`);
  if (p.credentials) lines.push('  credentials: true,');
  if (p.maxAge !== null) lines.push(`  maxAge: ${p.maxAge},`);
  return lines;
}

export function expressSnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '//');
  if (!p.origin) return head.join('\n');
  const opts = jsCorsOptions(input, { methods: 'methods', allowHeaders: 'allowedHeaders', exposeHeaders: 'exposedHeaders' });
  if (p.preflight) opts.push(`  optionsSuccessStatus: ${p.preflightStatus ?? 204},`);
  return [
    ...head,
    '// npm install cors',
    "import cors from 'cors';",
    '',
    'const corsOptions = {',
    ...opts,
    '};',
    '// Before your routes, on the app or router that serves this URL:',
    'app.use(cors(corsOptions));',
  ].join('\n');
}
