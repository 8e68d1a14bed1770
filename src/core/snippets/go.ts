// Go with github.com/rs/cors: it always adds `Vary: Origin` and answers preflights itself with a
// 2xx (200 up to v1.7, 204 since v1.8), which is all a preflight needs (Fetch §4.8: an ok status).
// So no OptionsSuccessStatus: it only exists since v1.8, and v1.7 (Debian 12's) fails to compile
// with it (test/e2e/fix-servers.e2e.test.ts builds this snippet against v1.7).
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { dq, preamble } from './snippet-text';

const slice = (values: readonly string[]): string => `[]string{${values.map(dq).join(', ')}}`;

export function goSnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '//');
  if (!p.origin) return head.join('\n');
  const fields = [`\tAllowedOrigins: ${slice([p.origin])},`, `\tAllowedMethods: ${slice(p.methods)},`, `\tAllowedHeaders: ${slice(p.allowHeaders)},`];
  if (p.exposeHeaders.length) fields.push(`\tExposedHeaders: ${slice(p.exposeHeaders)},`);
  if (p.credentials) fields.push('\tAllowCredentials: true,');
  if (p.maxAge !== null) fields.push(`\tMaxAge: ${p.maxAge},`);
  return [...head, '// import "github.com/rs/cors"', 'c := cors.New(cors.Options{', ...fields, '})', 'handler := c.Handler(mux)'].join('\n');
}
