// One CORS policy per misconfiguration the audit and the probe must catch, and a correct one.
// Each is a function of the request's Origin, written the way real servers get it wrong.

export const TRUSTED = 'https://app.test';
const TRUSTED_HOST = 'app.test';

export interface PolicyAnswer {
  /** Headers for both the preflight and the actual response. */
  readonly common: Record<string, string>;
  /** Extra headers for the preflight only. */
  readonly preflight?: Record<string, string>;
}

type Policy = (origin: string | undefined) => PolicyAnswer;

const CREDENTIALED = { 'Access-Control-Allow-Credentials': 'true' };
const VARY = { Vary: 'Origin' };

function allowIf(ok: boolean, origin: string | undefined, extra: Record<string, string> = {}): PolicyAnswer {
  if (!ok || origin === undefined) return { common: { ...VARY } };
  return { common: { 'Access-Control-Allow-Origin': origin, ...CREDENTIALED, ...VARY, ...extra }, preflight: { 'Access-Control-Allow-Methods': 'GET, POST, PUT', 'Access-Control-Max-Age': '600' } };
}

export const POLICIES = {
  // The one right way: an exact allow-list, credentials, and Vary: Origin on every answer.
  correct: (o) => allowIf(o === TRUSTED, o),
  'reflect-any': (o) => allowIf(true, o),
  'trusts-null': (o) => allowIf(o === TRUSTED || o === 'null', o),
  // `origin.startsWith(TRUSTED)`: https://app.test.attacker.example passes.
  'prefix-match': (o) => allowIf(o?.startsWith(TRUSTED) === true, o),
  // `origin.endsWith('app.test')`: https://attackerapp.test passes.
  'suffix-match': (o) => allowIf(o?.endsWith(TRUSTED_HOST) === true, o),
  'trusts-http': (o) => allowIf(o === TRUSTED || o === `http://${TRUSTED_HOST}`, o),
  // A regular expression on the trusted host that lets every subdomain in.
  'trusts-subdomains': (o) => allowIf(o !== undefined && /^https:\/\/([a-z0-9-]+\.)*app\.test$/.test(o), o),
  'no-vary': (o) => (o === TRUSTED ? { common: { 'Access-Control-Allow-Origin': o, ...CREDENTIALED } } : { common: {} }),
  'exposes-set-cookie': (o) => allowIf(o === TRUSTED, o, { 'Access-Control-Expose-Headers': 'Set-Cookie, X-Auth-Token', 'X-Auth-Token': 'secret-token' }),
  'huge-max-age': (o) => {
    const answer = allowIf(o === TRUSTED, o);
    return answer.preflight ? { ...answer, preflight: { ...answer.preflight, 'Access-Control-Max-Age': '31536000' } } : answer;
  },
} satisfies Record<string, Policy>;

export type PolicyName = keyof typeof POLICIES;
export const POLICY_NAMES = Object.keys(POLICIES) as PolicyName[];
