// Response headers that should never be readable by another origin's script. Exposing them with
// Access-Control-Expose-Headers hands a session or credential to whichever origin is allowed.

/** Exact names (lower case). Set-Cookie is a forbidden response-header name (Fetch §2.2.2): browsers filter it anyway. */
const SENSITIVE_NAMES = new Set(['set-cookie', 'set-cookie2', 'authorization', 'proxy-authorization', 'www-authenticate', 'cookie']);

/** Names that by convention carry a secret (`X-Auth-Token`, `X-CSRF-Token`, `X-Api-Key`, `X-Session-Id`). */
const SECRET_PATTERN = /(^|-)(token|secret|session|sessionid|api-?key|csrf|xsrf|jwt|auth|password|credential)s?($|-)/;

export function isSensitiveHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_NAMES.has(lower) || SECRET_PATTERN.test(lower);
}

/** Browsers never expose these whatever the server says (Fetch §3.2.3 "forbidden response-header name"). */
export function isForbiddenResponseHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'set-cookie' || lower === 'set-cookie2';
}
