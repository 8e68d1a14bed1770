// Fetch §4.8 "CORS-preflight fetch" step 7, checked in the order Chromium applies it
// (PreflightController + PreflightResult): redirect, CORS check, status, Allow-Methods and
// Allow-Headers syntax, then method, then each CORS-unsafe header name (sorted).

import type { ReasonCode } from '../analysis';
import { getHeader, hasHeader, lowerCaseName } from '../headers';
import type { ResponseRecord } from '../model';
import { corsCheck, type CorsCheckFailure } from './cors-check';
import { isCorsSafelistedMethod } from './methods';
import { parseTokenList } from './token-list';

export interface PreflightFailure {
  readonly code: ReasonCode;
  /** Value for the message (the bad item, the method, the header name). */
  readonly value: string;
  /** CDP `failedParameter` as Chromium reports it. */
  readonly failedParameter: string;
  readonly header: string;
  readonly firefoxError?: string;
}

export interface PreflightInput {
  readonly response: ResponseRecord | undefined;
  readonly error: string | undefined;
  readonly origin: string;
  readonly withCredentials: boolean;
  readonly method: string;
  /** CORS-unsafe request-header names, lowercased and sorted. */
  readonly unsafeHeaders: readonly string[];
}

const PREFLIGHT_CODES: Record<CorsCheckFailure, ReasonCode> = {
  'missing-allow-origin': 'preflight-missing-allow-origin',
  'wildcard-origin-with-credentials': 'preflight-wildcard-origin-with-credentials',
  'multiple-allow-origin': 'preflight-multiple-allow-origin',
  'invalid-allow-origin': 'preflight-invalid-allow-origin',
  'allow-origin-mismatch': 'preflight-allow-origin-mismatch',
  'missing-allow-credentials': 'preflight-missing-allow-credentials',
  'invalid-allow-credentials': 'preflight-invalid-allow-credentials',
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

/** `items` holds `lowerName`, compared case-insensitively (header names, Fetch §2.2.2). */
export function includesName(items: readonly string[], lowerName: string): boolean {
  for (const item of items) if (lowerCaseName(item) === lowerName) return true;
  return false;
}

export function checkPreflight(input: PreflightInput): PreflightFailure | null {
  const { response } = input;
  if (!response) return { code: 'preflight-failed', value: input.error ?? '', failedParameter: '', header: '' };
  const headers = response.headers;
  // The preflight is fetched with redirects treated as errors (Chromium PreflightController::HandleRedirect).
  if (REDIRECT_STATUSES.has(response.status) && hasHeader(headers, 'Location')) {
    return { code: 'preflight-redirect', value: String(response.status), failedParameter: '', header: 'Location' };
  }
  const access = corsCheck(headers, input.origin, input.withCredentials);
  if (access) {
    const failure = { code: PREFLIGHT_CODES[access.failure], value: access.value, failedParameter: access.value, header: access.header };
    return access.firefoxError ? { ...failure, firefoxError: access.firefoxError } : failure;
  }
  if (!isOkStatus(response.status)) return { code: 'preflight-invalid-status', value: String(response.status), failedParameter: '', header: '' };

  const methods = parseTokenList(getHeader(headers, 'Access-Control-Allow-Methods'));
  // Chromium gives no failedParameter for the two syntax errors (recorded fixtures).
  if (!methods.ok) return { code: 'invalid-allow-methods', value: methods.bad, failedParameter: '', header: 'Access-Control-Allow-Methods' };
  const allowed = parseTokenList(getHeader(headers, 'Access-Control-Allow-Headers'));
  if (!allowed.ok) return { code: 'invalid-allow-headers', value: allowed.bad, failedParameter: '', header: 'Access-Control-Allow-Headers' };

  // Methods compare case-sensitively with the method as sent (fetch() upper-cases only the six
  // standard ones): Chromium blocks `patch` against `Access-Control-Allow-Methods: PATCH`
  // (fixture preflight-method-patch-lowercase-request), as the standard says.
  const { method } = input;
  const methodOk =
    isCorsSafelistedMethod(method) || methods.items.includes(method) || (!input.withCredentials && methods.items.includes('*'));
  if (!methodOk) return { code: 'method-not-allowed', value: input.method, failedParameter: input.method, header: 'Access-Control-Allow-Methods' };

  const wildcard = !input.withCredentials && allowed.items.includes('*');
  for (const name of input.unsafeHeaders) {
    if (!wildcard && !includesName(allowed.items, name)) {
      return { code: 'header-not-allowed', value: name, failedParameter: name, header: 'Access-Control-Allow-Headers' };
    }
  }
  return null;
}
