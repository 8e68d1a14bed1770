// The analyzer's output. Field names here are a public interface: `cors-lens analyze --json`
// prints them and CI pipelines parse them. Add fields freely; rename or remove none.

import type { Header } from './model';

export type ExchangeType = 'simple' | 'preflighted' | 'no-cors' | 'same-origin';
export type Verdict = 'allowed' | 'blocked' | 'unknown';

/** Where a failing check was applied. */
export type CheckStage = 'preflight' | 'response' | 'redirect' | 'request';

export interface Reason {
  /** Our own stable code, kebab-case (`missing-allow-origin`). */
  readonly code: ReasonCode;
  /** Chrome DevTools Protocol `Network.CorsError` name, as Chromium would report it. */
  readonly chromeCorsError: string;
  /** CDP `CorsErrorStatus.failedParameter`: the header, method or value at fault ('' when none). */
  readonly failedParameter: string;
  /** Firefox's console reason code (`CORSMissingAllowOrigin`, ...). */
  readonly firefoxError: string;
  /** Plain English, with this exchange's values filled in. */
  readonly message: string;
  /** MDN page for the matching error. */
  readonly mdn: string;
  readonly stage: CheckStage;
  /** Index of the hop the check failed on (0 is the first request). */
  readonly hop: number;
  /** The header at fault, so the panel can highlight it ('' when none). */
  readonly header: string;
}

export type ReasonCode =
  | 'missing-allow-origin'
  | 'multiple-allow-origin'
  | 'invalid-allow-origin'
  | 'allow-origin-mismatch'
  | 'wildcard-origin-with-credentials'
  | 'missing-allow-credentials'
  | 'invalid-allow-credentials'
  | 'preflight-invalid-status'
  | 'preflight-redirect'
  | 'preflight-failed'
  | 'preflight-missing-allow-origin'
  | 'preflight-multiple-allow-origin'
  | 'preflight-invalid-allow-origin'
  | 'preflight-allow-origin-mismatch'
  | 'preflight-wildcard-origin-with-credentials'
  | 'preflight-missing-allow-credentials'
  | 'preflight-invalid-allow-credentials'
  | 'invalid-allow-methods'
  | 'invalid-allow-headers'
  | 'method-not-allowed'
  | 'header-not-allowed'
  | 'redirect-disallowed-credentials-in-url'
  | 'redirect-invalid-location'
  | 'disallowed-by-mode'
  | 'local-network-access'
  | 'browser-reported-error'
  | 'failure-not-recorded';

export interface Fix {
  /** Headers the OPTIONS (preflight) response must carry; null when the preflight is not at fault. */
  readonly preflight: readonly Header[] | null;
  /** Status the preflight response must have (any 2xx; we suggest 204) when its status is at fault. */
  readonly preflightStatus: number | null;
  /** Headers the actual response must carry; null when it is not at fault. */
  readonly response: readonly Header[] | null;
  /** When no header change can fix it: what to change instead. */
  readonly note?: string;
}

export type WarningSeverity = 'info' | 'low' | 'medium' | 'high';

export interface Warning {
  readonly code: string;
  readonly severity: WarningSeverity;
  readonly message: string;
  /** The header the warning is about ('' when none). */
  readonly header: string;
  readonly mdn?: string;
}

export type CredentialsMode = 'include' | 'omit-or-same-origin' | 'unknown';

export interface Analysis {
  readonly type: ExchangeType;
  readonly verdict: Verdict;
  /** Empty unless blocked; the first failing check first, as the browser would apply it. */
  readonly reasons: readonly Reason[];
  readonly fix: Fix;
  readonly warnings: readonly Warning[];
  /** For `unknown`: what the verdict depends on. */
  readonly dependsOn?: string;
  /**
   * For `unknown` that hinges on the credentials mode: the verdict under the page's most likely
   * mode (the defaults: fetch `same-origin`, XHR without `withCredentials`, `crossorigin=anonymous`),
   * with that assumption in `likelyBecause`. `verdict` stays `unknown`: the record cannot prove it.
   */
  readonly likely?: 'allowed' | 'blocked';
  readonly likelyBecause?: string;
  /** How sure we are of the credentials mode, since webRequest does not tell it. */
  readonly credentials: CredentialsMode;
  /** The `Origin` the final hop carried (`null` after a cross-origin redirect). */
  readonly requestOrigin: string | null;
}
