// Koa with `@koa/cors`: it always adds `Vary: Origin`.
import { corsPolicy } from './cors-policy';
import { jsCorsOptions } from './express';
import type { SnippetInput } from './snippet-input';
import { preamble } from './snippet-text';

export function koaSnippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const head = preamble(p, '//');
  if (!p.origin) return head.join('\n');
  // @koa/cors reflects Access-Control-Request-Headers when allowHeaders is empty, so leave it out then.
  const opts = jsCorsOptions(input, { methods: 'allowMethods', allowHeaders: 'allowHeaders', exposeHeaders: 'exposeHeaders' }).filter(
    (line) => line !== '  allowHeaders: [],',
  );
  return [...head, '// npm install @koa/cors', "import cors from '@koa/cors';", '', 'app.use(cors({', ...opts, '}));'].join('\n');
}
