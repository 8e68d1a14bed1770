// The real cause behind a CORS failure, when the record shows one: the browser's CORS reason is
// often only the symptom of another failure (a crashed API, an auth layer answering the
// preflight, a login redirect, a request that never got an answer). A Cause sits beside the
// analysis's reasons and never replaces them: the reasons stay exactly what the browser decided.
// Field names are printed by `cors-lens analyze --json`: add fields, never rename or remove.

import type { CheckStage } from '../analysis';
import type { Header } from '../model';

export type CauseCode =
  | 'error-response'
  | 'rate-limited'
  | 'preflight-auth'
  | 'preflight-unhandled'
  | 'login-redirect'
  | 'no-response'
  | 'blocked-by-client'
  | 'private-network'
  | 'cached-response'
  | 'cached-for-other-origin';

export interface Cause {
  readonly code: CauseCode;
  /** A few words for a list row: `502 · no CORS on errors`. */
  readonly tag: string;
  /** One sentence: what really happened. */
  readonly message: string;
  /** What in the record shows it, one fact per line. */
  readonly evidence: readonly string[];
  /** What to change, in words; server configuration comes from `causeConfig` (cause-config.ts). */
  readonly fix: string;
  /** Where it happened: the preflight, a response, a redirect, or before any response. */
  readonly stage: CheckStage;
  /** Index of the hop (or of the hop the preflight was made for). */
  readonly hop: number;
  /** HTTP status at fault; null when no response came back. */
  readonly status: number | null;
  /**
   * Another response from the same origin and path pattern in this recording carried CORS
   * headers: the server does send them, only not on this answer.
   */
  readonly corroborated: boolean;
  /**
   * The CORS response headers that endpoint sent on success (empty when none was seen). A fix
   * repeats these on error responses; it never invents other ones.
   */
  readonly headersOnSuccess: readonly Header[];
}
