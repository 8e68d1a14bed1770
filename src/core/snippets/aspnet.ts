// ASP.NET Core CORS middleware: WithOrigins (never AllowAnyOrigin) makes it add `Vary: Origin`.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { dq, preamble } from './snippet-text';

const args = (values: readonly string[]): string => values.map(dq).join(', ');

export function aspnetSnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '//');
  if (!p.origin) return head.join('\n');
  const chain = [`        .WithOrigins(${dq(p.origin)})`];
  if (p.methods.length) chain.push(`        .WithMethods(${args(p.methods)})`);
  if (p.allowHeaders.length) chain.push(`        .WithHeaders(${args(p.allowHeaders)})`);
  if (p.exposeHeaders.length) chain.push(`        .WithExposedHeaders(${args(p.exposeHeaders)})`);
  if (p.credentials) chain.push('        .AllowCredentials()');
  if (p.maxAge !== null) chain.push(`        .SetPreflightMaxAge(TimeSpan.FromSeconds(${p.maxAge}))`);
  return [
    ...head,
    '// Program.cs',
    'builder.Services.AddCors(options =>',
    '    options.AddPolicy("CorsLens", policy => policy',
    ...chain,
    '    ));',
    '// ... after UseRouting(), before the endpoints:',
    'app.UseCors("CorsLens");',
  ].join('\n');
}
