// Fetch §2.2.1 methods.

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** A CORS-safelisted method is `GET`, `HEAD` or `POST` (byte-exact, after normalization). */
export function isCorsSafelistedMethod(method: string): boolean {
  return SAFELISTED_METHODS.has(method);
}

/**
 * Fetch "normalize a method": only these six are upper-cased by `fetch()`/XHR; `patch` stays
 * `patch` on the wire, which is why `Access-Control-Allow-Methods: PATCH` does not allow it.
 */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}
