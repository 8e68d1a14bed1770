// The server configuration that follows the cause (`cors-lens analyze --fix <server>`, the panel's
// server snippets): error responses that carry the CORS headers too, OPTIONS answered before
// authentication, OPTIONS answered at all. The other causes are not fixed by configuration:
// their `fix` says what to do in words, and no snippet is offered.

import { snippetById } from '../snippets/registry';
import { s3Snippet } from '../snippets/s3';
import type { SnippetInput } from '../snippets/snippet-input';
import type { Cause } from './cause';
import { errorResponseConfig } from './error-response-config';
import { preflightConfig } from './preflight-config';

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '/';
  }
}

/** True when `causeConfig` gives configuration for this cause (for some server). */
export function causeHasConfig(cause: Cause): boolean {
  return cause.code === 'cached-for-other-origin' || cause.code === 'preflight-auth' || cause.code === 'preflight-unhandled' || cause.code === 'error-response' || cause.code === 'rate-limited';
}

export function causeConfig(cause: Cause, serverId: string, input: SnippetInput): string | null {
  if (!causeHasConfig(cause)) return null;
  // The usual configuration: it echoes the allowed origin with Vary: Origin, which is the fix.
  if (cause.code === 'cached-for-other-origin') return snippetById(serverId)?.render(input) ?? null;
  if (cause.code === 'preflight-auth') return preflightConfig(cause.code, serverId, input);
  // A preflight that failed with an error status: CORS handling that answers OPTIONS itself, first,
  // never reaches the part that fails, the same configuration as for a missing OPTIONS route.
  if (cause.code === 'preflight-unhandled' || cause.stage === 'preflight') return preflightConfig('preflight-unhandled', serverId, input);
  // S3 adds its CORS headers to its own error answers when a rule matches: the rule is the configuration.
  if (serverId === 's3') return s3Snippet(input);
  return errorResponseConfig(cause, serverId, input, pathOf(input.facts.url));
}
