// Builds a SnippetInput from a recorded exchange and its analysis: the same facts for the panel
// and the CLI.
import type { Analysis } from '../analysis';
import type { Exchange, Header } from '../model';
import type { SnippetInput } from './snippet-input';

function get(headers: readonly Header[] | undefined, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers?.find((h) => h.name.toLowerCase() === lower)?.value;
}

export function snippetInputFor(exchange: Exchange, analysis: Analysis): SnippetInput {
  const first = exchange.hops[0];
  const preflight = exchange.preflights[0];
  const requested = get(preflight?.request.headers, 'Access-Control-Request-Headers') ?? '';
  const maxAge = Number(get(preflight?.response?.headers, 'Access-Control-Max-Age'));
  return {
    fix: analysis.fix,
    facts: {
      origin: exchange.initiatorOrigin,
      method: first?.request.method ?? 'GET',
      url: first?.request.url ?? '',
      requestHeaders: requested.split(',').map((n) => n.trim()).filter((n) => n !== ''),
      credentials: analysis.credentials === 'include',
      maxAge: Number.isInteger(maxAge) && maxAge > 0 ? maxAge : null,
    },
  };
}
