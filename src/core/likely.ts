// The likely verdict of an exchange whose outcome hangs on the credentials mode, which neither
// webRequest nor HAR records (fixtures `cross-site-*`, test/scenarios/har-evidence.ts). It never
// replaces `unknown`: it says which way the evidence leans, and on what assumption, so the user
// sees the probable answer first.

import type { HopFailure, WalkResult } from './exchange-walk';

export interface Likely {
  readonly likely: 'allowed' | 'blocked';
  readonly likelyBecause: string;
}

/**
 * Every default leaves credentials out cross-origin: Fetch's RequestInit `credentials` defaults to
 * "same-origin", XHR's `withCredentials` to false, and a bare `crossorigin` attribute means
 * "anonymous" (HTML §2.5.4 CORS settings attributes).
 */
const DEFAULTS =
  "Allowed if the page used the default credentials mode (fetch's credentials: 'same-origin', XHR without withCredentials, crossorigin=\"anonymous\"), which sends no cookies to another origin; blocked only if it asked for credentials (credentials: 'include', withCredentials = true, crossorigin=\"use-credentials\").";

const LIKELY_ALLOWED_BY_DEFAULT: Likely = { likely: 'allowed', likelyBecause: DEFAULTS };

/** The likely verdict and why, or null when the evidence leans neither way. */
export function likelyVerdict(omit: WalkResult, credentialed: HopFailure): Likely | null {
  if (omit.incomplete === null) return LIKELY_ALLOWED_BY_DEFAULT;
  // A browser sends the actual request as soon as its preflight passes (Fetch §4.1 main fetch):
  // one left unanswered after a preflight that fails only with credentials most likely was one.
  if (credentialed.reason.stage === 'preflight') {
    return {
      likely: 'blocked',
      likelyBecause: `The request got no response although its preflight passes without credentials, and a browser sends the request as soon as the preflight passes: most likely it was sent with credentials and the preflight failed (${credentialed.reason.message}). An abort or a network failure would also leave it unanswered; the record holds no browser error to tell.`,
    };
  }
  return null;
}
