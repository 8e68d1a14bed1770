// Credentialed requests: Fetch §4.9 steps 4–7 (no `*` with credentials, Allow-Credentials must be
// exactly `true`) and §3.2.5 (wildcards in Expose-Headers do not apply with credentials).
// The runner page sets a SameSite=Lax cookie on localhost, so `credentials: 'include'` to the API
// (same site, other port) sends a real `Cookie` header.

import { allowAny, allowCredentials, allowPage, main, ok, varyOrigin } from './builders';
import type { Scenario } from './types';

const include = { initiator: 'fetch', credentials: 'include' } as const;

export const credentialScenarios: readonly Scenario[] = [
  {
    id: 'credentials-exact-origin-true',
    description: 'credentials: include, exact origin, Allow-Credentials: true, Vary: Origin',
    page: include,
    steps: main(ok(allowPage, allowCredentials, varyOrigin)),
    expected: 'resolved',
  },
  {
    id: 'credentials-wildcard-origin',
    description: 'credentials: include, Allow-Origin: * (not allowed with credentials)',
    page: include,
    steps: main(ok(allowAny, allowCredentials)),
    expected: 'threw',
    expectedCorsError: 'WildcardOriginNotAllowed',
  },
  {
    id: 'credentials-missing-allow-credentials',
    description: 'credentials: include, exact origin, no Allow-Credentials',
    page: include,
    steps: main(ok(allowPage)),
    expected: 'threw',
    expectedCorsError: 'MissingAllowCredentials',
  },
  {
    id: 'credentials-allow-credentials-uppercase',
    description: 'credentials: include, Allow-Credentials: TRUE (only lowercase `true` counts)',
    page: include,
    steps: main(ok(allowPage, ['Access-Control-Allow-Credentials', 'TRUE'])),
    expected: 'threw',
    expectedCorsError: 'InvalidAllowCredentials',
  },
  {
    id: 'credentials-allow-credentials-padded',
    description: 'credentials: include, Allow-Credentials: "  true  " (whitespace is trimmed by HTTP)',
    page: include,
    steps: main(ok(allowPage, ['Access-Control-Allow-Credentials', '  true  '])),
    expected: 'resolved',
  },
  {
    id: 'credentials-omit-wildcard',
    description: 'credentials: omit with Allow-Origin: * and Allow-Credentials: true (no credentials, passes)',
    page: { initiator: 'fetch', credentials: 'omit' },
    steps: main(ok(allowAny, allowCredentials)),
    expected: 'resolved',
  },
  {
    id: 'credentials-xhr-with-credentials',
    description: 'XHR withCredentials, exact origin, Allow-Credentials: true',
    page: { initiator: 'xhr', credentials: 'include' },
    steps: main(ok(allowPage, allowCredentials, varyOrigin)),
    expected: 'resolved',
  },
  {
    id: 'credentials-xhr-wildcard-origin',
    description: 'XHR withCredentials, Allow-Origin: *',
    page: { initiator: 'xhr', credentials: 'include' },
    steps: main(ok(allowAny, allowCredentials)),
    expected: 'threw',
    expectedCorsError: 'WildcardOriginNotAllowed',
  },
  {
    id: 'credentials-expose-headers-wildcard',
    description: 'credentials: include, Expose-Headers: * is a literal name, X-Total stays hidden',
    page: { initiator: 'fetch', credentials: 'include', readHeaders: ['x-total'] },
    steps: main(ok(allowPage, allowCredentials, ['Access-Control-Expose-Headers', '*'], ['X-Total', '42'])),
    expected: 'resolved',
  },
];
