// Django with `django-cors-headers` (settings.py). It always adds `Vary: Origin`.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { list, preamble } from './snippet-text';

export function djangoSnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '#');
  if (!p.origin) return head.join('\n');
  const lines = [
    ...head,
    '# pip install django-cors-headers; then in settings.py:',
    "INSTALLED_APPS += ['corsheaders']",
    "MIDDLEWARE.insert(0, 'corsheaders.middleware.CorsMiddleware')",
    `CORS_ALLOWED_ORIGINS = ${list([p.origin])}`,
  ];
  if (p.methods.length) lines.push(`CORS_ALLOW_METHODS = ${list(p.methods)}`);
  if (p.preflight) lines.push(`CORS_ALLOW_HEADERS = ${list(p.allowHeaders)}`);
  if (p.exposeHeaders.length) lines.push(`CORS_EXPOSE_HEADERS = ${list(p.exposeHeaders)}`);
  if (p.credentials) lines.push('CORS_ALLOW_CREDENTIALS = True');
  if (p.maxAge !== null) lines.push(`CORS_PREFLIGHT_MAX_AGE = ${p.maxAge}`);
  return lines.join('\n');
}
