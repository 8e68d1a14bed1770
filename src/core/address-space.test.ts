import { describe, expect, test } from 'vitest';
import { addressSpaceOfDocument, addressSpaceOfHost, needsLocalNetworkAccess } from './address-space';
import { h } from '../../test/support/exchange-builders';

describe('address spaces (Local Network Access)', () => {
  test.each([
    ['localhost', 'local'], ['api.localhost', 'local'], ['127.0.0.1', 'local'], ['[::1]', 'local'],
    ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.32.0.1', 'public'], ['192.168.1.1', 'private'], ['169.254.1.1', 'private'],
    ['fd00::1', 'private'], ['8.8.8.8', 'public'], ['2001:db8::1', 'public'], ['example.com', null],
  ])('%s → %s', (host, space) => expect(addressSpaceOfHost(host)).toBe(space));

  test.each([
    [{ 'Content-Security-Policy': 'treat-as-public-address' }, undefined, 'public'],
    [{ 'Content-Security-Policy': "default-src 'self'; treat-as-public-address" }, '127.0.0.1', 'public'],
    [{ 'Content-Security-Policy': "default-src 'self'" }, '93.184.216.34', 'public'],
    [{}, '127.0.0.1', 'local'],
    [{}, undefined, null],
  ])('document %j served from %s → %s', (headers, ip, space) => expect(addressSpaceOfDocument(h(headers), ip)).toBe(space));

  test.each([
    ['public', 'local', true], ['public', 'private', true], ['private', 'local', true],
    ['local', 'local', false], ['local', 'public', false], ['private', 'public', false],
  ] as const)('%s → %s needs permission: %s', (from, to, expected) => expect(needsLocalNetworkAccess(from, to)).toBe(expected));
});
