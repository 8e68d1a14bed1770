// Which header and URL parameter names carry secrets. A value under one of these names never reaches
// disk (src/background/at-rest.ts) and is replaced in every export unless the user asks to keep it
// (redact.ts). Names are kept everywhere: the analyzer reads the credentials mode from a `Cookie` or
// `Authorization` being sent (Fetch §3.2.3 credentials: cookies, HTTP authentication entries), and
// the preflight from header names, never from these values.

/** Credentials in the Fetch sense (cookies, HTTP authentication) and the proxy's. */
const CREDENTIAL_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);

/**
 * Names that say what they carry: `X-Api-Key`, `X-Auth-Token`, `X-CSRF-Token`, `X-Amz-Security-Token`,
 * `X-Client-Secret`, `X-Signature`. Not `…-Credentials`: `Access-Control-Allow-Credentials` is CORS.
 */
const SECRET_HEADER_NAME = /(?:^|-)(?:token|secret|api-?key|password|passwd|signature|session-?id)$/i;

export function isSecretHeader(name: string): boolean {
  return CREDENTIAL_HEADERS.has(name.toLowerCase()) || SECRET_HEADER_NAME.test(name);
}

/**
 * OAuth 2.0 (RFC 6749 §4.1.2 `code`, §4.2.2 `access_token`; RFC 6750 §2.3 the `access_token` URI
 * query parameter; OpenID Connect `id_token`), API keys, and the signatures of pre-signed URLs
 * (AWS SigV4 `X-Amz-Signature`/`X-Amz-Credential`/`X-Amz-Security-Token`, Google `X-Goog-Signature`,
 * Azure SAS `sig`), which grant access to whoever holds the URL.
 */
const SECRET_PARAMS = new Set([
  'access_token', 'id_token', 'refresh_token', 'token', 'code', 'api_key', 'apikey', 'key', 'password', 'passwd', 'pwd',
  'secret', 'client_secret', 'sig', 'signature', 'auth', 'session', 'sessionid', 'session_id',
  'x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'x-goog-signature', 'x-goog-credential',
]);
const SECRET_PARAM_SUFFIX = /[_-](?:token|secret|password|signature|key)$/i;

export function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.has(name.toLowerCase()) || SECRET_PARAM_SUFFIX.test(name);
}
