// FastAPI / Starlette `CORSMiddleware`. With explicit origins it answers preflights itself and
// adds `Vary: Origin`; it rejects (400) a preflight whose method is not in allow_methods.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { list, preamble } from './snippet-text';

export function fastapiSnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '#');
  if (!p.origin) return head.join('\n');
  const args = [`    allow_origins=${list([p.origin])},`, `    allow_methods=${list(p.methods)},`, `    allow_headers=${list(p.allowHeaders)},`];
  if (p.exposeHeaders.length) args.push(`    expose_headers=${list(p.exposeHeaders)},`);
  if (p.credentials) args.push('    allow_credentials=True,');
  if (p.maxAge !== null) args.push(`    max_age=${p.maxAge},`);
  return [...head, 'from fastapi.middleware.cors import CORSMiddleware', '', 'app.add_middleware(', '    CORSMiddleware,', ...args, ')'].join('\n');
}
