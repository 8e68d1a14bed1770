// Fetch §4.9 "CORS check", with failures classified the way Chromium's CheckAccess does
// (services/network/public/cpp/cors/cors.cc), which is also the order both browsers apply:
// missing → wildcard+credentials → mismatch (multiple / invalid / other) → credentials.

import { getHeader, headerValues } from '../headers';
import type { HeaderList } from '../model';

export type CorsCheckFailure =
  | 'missing-allow-origin'
  | 'wildcard-origin-with-credentials'
  | 'multiple-allow-origin'
  | 'invalid-allow-origin'
  | 'allow-origin-mismatch'
  | 'missing-allow-credentials'
  | 'invalid-allow-credentials';

export interface CorsCheckResult {
  readonly failure: CorsCheckFailure;
  /** The offending header value ('' when the header is absent). */
  readonly value: string;
  readonly header: 'Access-Control-Allow-Origin' | 'Access-Control-Allow-Credentials';
  /**
   * Firefox's name where it differs from the code's usual one: Firefox calls only duplicate header
   * lines "multiple" (CORSMultipleAllowOriginNotAllowed); one line holding a list merely "does not
   * match" (observed in Firefox ESR 153, test/e2e/firefox-panel.e2e.test.ts).
   */
  readonly firefoxError?: string;
}

function isValidUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Null on success. `origin` is the request's serialized origin ("null" when tainted). */
export function corsCheck(headers: HeaderList, origin: string, withCredentials: boolean): CorsCheckResult | null {
  const allowOrigin = getHeader(headers, 'Access-Control-Allow-Origin');
  const acao = 'Access-Control-Allow-Origin' as const;
  if (allowOrigin === null) return { failure: 'missing-allow-origin', value: '', header: acao };
  if (allowOrigin === '*') {
    // Chromium reports this failure with an empty failedParameter (recorded fixtures).
    return withCredentials ? { failure: 'wildcard-origin-with-credentials', value: '', header: acao } : null;
  }
  if (allowOrigin !== origin) {
    // Chromium reports a list (two header lines arrive joined by ", ") as "multiple values".
    if (/[ ,]/.test(allowOrigin)) {
      const oneLine = headerValues(headers, 'Access-Control-Allow-Origin').length === 1;
      return { failure: 'multiple-allow-origin', value: allowOrigin, header: acao, ...(oneLine ? { firefoxError: 'CORSAllowOriginNotMatchingOrigin' } : {}) };
    }
    // "null" is reported as a mismatch, not as an invalid value (Chromium fixture simple-get-origin-null).
    if (allowOrigin !== 'null' && !isValidUrl(allowOrigin)) return { failure: 'invalid-allow-origin', value: allowOrigin, header: acao };
    return { failure: 'allow-origin-mismatch', value: allowOrigin, header: acao };
  }
  if (!withCredentials) return null;
  const allowCredentials = getHeader(headers, 'Access-Control-Allow-Credentials');
  const acac = 'Access-Control-Allow-Credentials' as const;
  if (allowCredentials === null) return { failure: 'missing-allow-credentials', value: '', header: acac };
  // Exactly `true`, case-sensitive: `TRUE` fails in both browsers (Fetch §4.9 step 7; fixture
  // `credentials-allow-credentials-uppercase`).
  if (allowCredentials !== 'true') return { failure: 'invalid-allow-credentials', value: allowCredentials, header: acac };
  return null;
}
