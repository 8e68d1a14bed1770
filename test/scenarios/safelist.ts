// CORS-safelisted request-header rules (Fetch §2.2.2): value length (128 bytes), unsafe bytes,
// Content-Type essences, Range forms. A header that fails them makes the request preflighted;
// the server here allows no extra headers, so the outcome shows whether the browser preflighted.

import { allowPage, main, ok, preflightOk } from './builders';
import type { Scenario } from './types';

const noExtraHeaders = main(ok(allowPage), preflightOk(allowPage));

export const safelistScenarios: readonly Scenario[] = [
  {
    id: 'safelist-accept-language-128',
    description: 'Accept-Language of exactly 128 bytes is safelisted: no preflight',
    page: { initiator: 'fetch', headers: [['Accept-Language', 'e'.repeat(128)]] },
    steps: noExtraHeaders,
    expected: 'resolved',
  },
  {
    id: 'safelist-accept-language-129',
    description: 'Accept-Language of 129 bytes is not safelisted: preflight, header not allowed',
    page: { initiator: 'fetch', headers: [['Accept-Language', 'e'.repeat(129)]] },
    steps: noExtraHeaders,
    expected: 'threw',
    expectedCorsError: 'HeaderDisallowedByPreflightResponse',
  },
  {
    id: 'safelist-accept-language-129-allowed',
    description: 'Accept-Language of 129 bytes, preflight allows accept-language',
    page: { initiator: 'fetch', headers: [['Accept-Language', 'e'.repeat(129)]] },
    steps: main(ok(allowPage), preflightOk(allowPage, ['Access-Control-Allow-Headers', 'accept-language'])),
    expected: 'resolved',
  },
  {
    id: 'safelist-accept-unsafe-byte',
    description: 'Accept containing a double quote (a CORS-unsafe byte): preflight, header not allowed',
    page: { initiator: 'fetch', headers: [['Accept', 'text/plain; q="1"']] },
    steps: noExtraHeaders,
    expected: 'threw',
    expectedCorsError: 'HeaderDisallowedByPreflightResponse',
  },
  {
    id: 'safelist-content-language-semicolon',
    description: 'Content-Language "en;q=1": ; and = are in the allowed set, so no preflight',
    page: { initiator: 'fetch', method: 'POST', headers: [['Content-Language', 'en;q=1']], body: 'x' },
    steps: noExtraHeaders,
    expected: 'resolved',
    cite: 'Fetch §2.2.2: Content-Language bytes 0-9 A-Z a-z space * , - . ; =',
  },
  {
    id: 'safelist-content-language-underscore',
    description: 'Content-Language "en_US": _ is not allowed, so preflight, header not allowed',
    page: { initiator: 'fetch', method: 'POST', headers: [['Content-Language', 'en_US']], body: 'x' },
    steps: noExtraHeaders,
    expected: 'threw',
    expectedCorsError: 'HeaderDisallowedByPreflightResponse',
  },
  {
    id: 'safelist-content-type-xml',
    description: 'POST application/xml: Content-Type essence not safelisted, preflight, not allowed',
    page: { initiator: 'fetch', method: 'POST', headers: [['Content-Type', 'application/xml']], body: '<a/>' },
    steps: noExtraHeaders,
    expected: 'threw',
    expectedCorsError: 'HeaderDisallowedByPreflightResponse',
  },
  {
    id: 'safelist-content-type-multipart',
    description: 'POST multipart/form-data with a boundary: safelisted essence, no preflight',
    page: {
      initiator: 'fetch',
      method: 'POST',
      headers: [['Content-Type', 'multipart/form-data; boundary=xyz']],
      body: '--xyz--\r\n',
    },
    steps: noExtraHeaders,
    expected: 'resolved',
  },
  {
    id: 'safelist-range-single',
    description: 'Range: bytes=0-9 is safelisted: no preflight',
    page: { initiator: 'fetch', headers: [['Range', 'bytes=0-9']] },
    steps: main({ status: 206, headers: [allowPage, ['Content-Range', 'bytes 0-9/20']], body: '0123456789' }),
    expected: 'resolved',
  },
  {
    id: 'safelist-range-open-ended',
    description: 'Range: bytes=5- is safelisted: no preflight',
    page: { initiator: 'fetch', headers: [['Range', 'bytes=5-']] },
    steps: main({ status: 206, headers: [allowPage, ['Content-Range', 'bytes 5-9/10']], body: '56789' }),
    expected: 'resolved',
  },
  {
    id: 'safelist-range-suffix',
    description: 'Range: bytes=-5 (suffix form) is not safelisted: preflight, header not allowed',
    page: { initiator: 'fetch', headers: [['Range', 'bytes=-5']] },
    steps: noExtraHeaders,
    expected: 'threw',
    expectedCorsError: 'HeaderDisallowedByPreflightResponse',
  },
  {
    id: 'safelist-range-multiple',
    description: 'Range: bytes=0-1,3-4 (two ranges) is not safelisted: preflight, header not allowed',
    page: { initiator: 'fetch', headers: [['Range', 'bytes=0-1,3-4']] },
    steps: noExtraHeaders,
    expected: 'threw',
    expectedCorsError: 'HeaderDisallowedByPreflightResponse',
  },
];
