// The browser's own error for a request that got no response. A CORS block ends in one error per
// browser (Chromium `net::ERR_FAILED`, Firefox `NS_ERROR_DOM_BAD_URI` when the preflight failed, as
// the fixtures in test/fixtures/{chromium,firefox}/ recorded); every other error (offline, DNS,
// refused, reset, timed out, blocked by the client, aborted) is a network failure: never a CORS
// verdict, never a header fix.

const CORS_ERRORS = new Set(['net::ERR_FAILED', 'NS_ERROR_DOM_BAD_URI']);

export function isCorsError(error: string | undefined): error is string {
  return error !== undefined && CORS_ERRORS.has(error.trim());
}

export function isNetworkFailure(error: string | undefined): boolean {
  return error !== undefined && error.trim() !== '' && !CORS_ERRORS.has(error.trim());
}
