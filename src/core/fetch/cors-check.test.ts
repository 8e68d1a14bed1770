import { describe, expect, test } from 'vitest';
import { h } from '../../../test/support/exchange-builders';
import { corsCheck } from './cors-check';

const ORIGIN = 'http://localhost:8000';

describe('CORS check (Fetch §4.9), classified as Chromium does', () => {
  test.each([
    ['exact origin', { 'Access-Control-Allow-Origin': ORIGIN }, false, null],
    ['wildcard without credentials', { 'Access-Control-Allow-Origin': '*' }, false, null],
    ['spaces around the value are stripped by the HTTP parser', { 'Access-Control-Allow-Origin': `  ${ORIGIN} ` }, false, null],
    ['missing', {}, false, 'missing-allow-origin'],
    ['wildcard with credentials', { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }, true, 'wildcard-origin-with-credentials'],
    ['trailing slash', { 'Access-Control-Allow-Origin': `${ORIGIN}/` }, false, 'allow-origin-mismatch'],
    ['other origin', { 'Access-Control-Allow-Origin': 'http://evil.test' }, false, 'allow-origin-mismatch'],
    ['two header lines', { 'Access-Control-Allow-Origin': [ORIGIN, ORIGIN] }, false, 'multiple-allow-origin'],
    ['comma list', { 'Access-Control-Allow-Origin': `${ORIGIN}, http://b.test` }, false, 'multiple-allow-origin'],
    ['not a URL', { 'Access-Control-Allow-Origin': 'localhost' }, false, 'invalid-allow-origin'],
    ['empty value', { 'Access-Control-Allow-Origin': '' }, false, 'invalid-allow-origin'],
    ['"null" for a real origin is a mismatch (Chromium fixture simple-get-origin-null)', { 'Access-Control-Allow-Origin': 'null' }, false, 'allow-origin-mismatch'],
    ['case differs', { 'Access-Control-Allow-Origin': ORIGIN.toUpperCase() }, false, 'allow-origin-mismatch'],
    ['credentials: missing ACAC', { 'Access-Control-Allow-Origin': ORIGIN }, true, 'missing-allow-credentials'],
    ['credentials: TRUE', { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': 'TRUE' }, true, 'invalid-allow-credentials'],
    ['credentials: two lines of true', { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': ['true', 'true'] }, true, 'invalid-allow-credentials'],
    ['credentials: true', { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': 'true' }, true, null],
    ['ACAC ignored without credentials', { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': 'yes' }, false, null],
  ])('%s', (_label, headers, withCredentials, expected) => {
    expect(corsCheck(h(headers), ORIGIN, withCredentials)?.failure ?? null).toBe(expected);
  });

  test.each([
    ['null', null],
    ['*', null],
    [ORIGIN, 'allow-origin-mismatch'],
  ])('a tainted (null) origin against %s', (acao, expected) => {
    expect(corsCheck(h({ 'Access-Control-Allow-Origin': acao }), 'null', false)?.failure ?? null).toBe(expected);
  });
});
