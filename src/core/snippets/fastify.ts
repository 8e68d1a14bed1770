// Fastify with `@fastify/cors`: a string origin is sent as is, with `Vary: Origin`.
import { corsPolicy } from './cors-policy';
import { jsCorsOptions } from './express';
import type { SnippetInput } from './snippet-input';
import { preamble } from './snippet-text';

export function fastifySnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '//');
  if (!p.origin) return head.join('\n');
  const opts = jsCorsOptions(input, { methods: 'methods', allowHeaders: 'allowedHeaders', exposeHeaders: 'exposedHeaders' });
  if (p.preflight && p.preflightStatus !== null) opts.push(`  optionsSuccessStatus: ${p.preflightStatus},`);
  return [...head, '// npm install @fastify/cors', "import cors from '@fastify/cors';", '', 'await fastify.register(cors, {', ...opts, '});'].join('\n');
}
