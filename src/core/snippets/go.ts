// Go with github.com/rs/cors: it always adds `Vary: Origin` and answers preflights with 204.
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
  if (p.preflight && p.preflightStatus !== null) fields.push(`\tOptionsSuccessStatus: ${p.preflightStatus},`);
  return [...head, '// import "github.com/rs/cors"', 'c := cors.New(cors.Options{', ...fields, '})', 'handler := c.Handler(mux)'].join('\n');
}
