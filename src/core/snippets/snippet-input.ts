// What every server snippet is generated from: the analyzer's Fix plus the facts of the
// exchange it was computed for. Kept separate from `Analysis` so the CLI and the panel can
// build it the same way (see `snippetInputFor`).

import type { Fix } from '../analysis';

export interface SnippetFacts {
  /** The page's exact origin (`https://app.example`). Snippets never widen it. */
  readonly origin: string | null;
  /** The actual request's method, as sent (methods compare case-sensitively, Fetch §4.8). */
  readonly method: string;
  /** URL of the actual request; snippets that scope by path use its path. */
  readonly url: string;
  /** Non-safelisted request header names the request used (`Access-Control-Request-Headers`). */
  readonly requestHeaders: readonly string[];
  /** True when the request was (or must be) made with credentials. */
  readonly credentials: boolean;
  /** `Access-Control-Max-Age` to keep, in seconds, when the server already sends one. */
  readonly maxAge: number | null;
}

export interface SnippetInput {
  readonly fix: Fix;
  readonly facts: SnippetFacts;
}
