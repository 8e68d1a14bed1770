// Opaque `no-cors` loads (Fetch §2.2.5 request mode, §3.2.4 "opaque filtered response"), element
// loads with and without the `crossorigin` attribute, and private network access from a document
// marked public.

import { allowAny, allowCredentials, allowPage, main, ok, preflightOk } from './builders';
import type { Answer, Scenario } from './types';

const gif = (...headers: Answer['headers']): Answer => ({
  status: 200,
  headers: [['Content-Type', 'image/gif'], ...headers],
  body: 'gif',
});
const js = (...headers: Answer['headers']): Answer => ({
  status: 200,
  headers: [['Content-Type', 'text/javascript'], ...headers],
  body: 'js',
});

export const noCorsScenarios: readonly Scenario[] = [
  {
    id: 'no-cors-fetch',
    description: 'fetch mode no-cors, no CORS headers: opaque response, nothing blocked',
    page: { initiator: 'fetch', mode: 'no-cors' },
    steps: main(ok()),
    expected: 'resolved',
  },
  {
    id: 'no-cors-fetch-custom-header-dropped',
    description: 'fetch mode no-cors with X-Custom: the header is silently dropped, no preflight',
    page: { initiator: 'fetch', mode: 'no-cors', headers: [['X-Custom', '1']] },
    steps: main(ok()),
    expected: 'resolved',
    cite: 'Fetch §5.1 headers guard "request-no-cors" ignores non-safelisted names',
  },
  {
    id: 'no-cors-img',
    description: '<img> without crossorigin, no CORS headers: loads (opaque)',
    page: { initiator: 'img' },
    steps: main(gif()),
    expected: 'resolved',
  },
  {
    id: 'img-crossorigin-missing-allow-origin',
    description: '<img crossorigin=anonymous>, no Allow-Origin: the image fails to load',
    page: { initiator: 'img', crossOrigin: 'anonymous' },
    steps: main(gif()),
    expected: 'threw',
    expectedCorsError: 'MissingAllowOriginHeader',
  },
  {
    id: 'img-crossorigin-allowed',
    description: '<img crossorigin=anonymous>, Allow-Origin: *',
    page: { initiator: 'img', crossOrigin: 'anonymous' },
    steps: main(gif(allowAny)),
    expected: 'resolved',
  },
  {
    id: 'no-cors-script',
    description: '<script> without crossorigin, no CORS headers: runs (opaque)',
    page: { initiator: 'script' },
    steps: main(js()),
    expected: 'resolved',
  },
  {
    id: 'script-use-credentials-wildcard',
    description: '<script crossorigin=use-credentials>, Allow-Origin: * (not with credentials)',
    page: { initiator: 'script', crossOrigin: 'use-credentials' },
    steps: main(js(allowAny, allowCredentials)),
    expected: 'threw',
    expectedCorsError: 'WildcardOriginNotAllowed',
  },
  {
    id: 'private-network-from-public-document',
    description: 'Document marked treat-as-public-address fetches the loopback API (private network access)',
    page: { initiator: 'fetch', publicDocument: true },
    steps: main(ok(allowPage), preflightOk(allowPage, ['Access-Control-Allow-Private-Network', 'true'])),
    expected: 'threw',
    cite: 'Private Network Access / Local Network Access (WICG): public to local needs permission',
  },
];
