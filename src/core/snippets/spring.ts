// Spring MVC: a CorsRegistry mapping (the global form of @CrossOrigin). Spring adds
// `Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers` itself.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';
import { dq, preamble } from './snippet-text';

const args = (values: readonly string[]): string => values.map(dq).join(', ');

export function springSnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '//');
  if (!p.origin) return head.join('\n');
  const chain = [`        registry.addMapping(${dq(p.path)})`, `            .allowedOrigins(${dq(p.origin)})`];
  if (p.methods.length) chain.push(`            .allowedMethods(${args(p.methods)})`);
  if (p.allowHeaders.length) chain.push(`            .allowedHeaders(${args(p.allowHeaders)})`);
  if (p.exposeHeaders.length) chain.push(`            .exposedHeaders(${args(p.exposeHeaders)})`);
  if (p.credentials) chain.push('            .allowCredentials(true)');
  if (p.maxAge !== null) chain.push(`            .maxAge(${p.maxAge})`);
  const last = chain.length - 1;
  chain[last] = `${chain[last] ?? ''};`;
  return [
    ...head,
    '@Configuration',
    'public class CorsConfig implements WebMvcConfigurer {',
    '    @Override',
    '    public void addCorsMappings(CorsRegistry registry) {',
    ...chain,
    '    }',
    '}',
  ].join('\n');
}
