import { describe, expect, test } from 'vitest';
import { isSecretHeader, isSecretParam } from './secret-names';

describe('isSecretHeader', () => {
  test.each([
    // Credentials in the Fetch sense, and the proxy's.
    ['Cookie', true], ['set-cookie', true], ['AUTHORIZATION', true], ['Proxy-Authorization', true],
    // Names that say they carry a credential.
    ['X-Api-Key', true], ['Api-Key', true], ['X-Goog-Api-Key', true], ['X-ApiKey', true],
    ['X-Auth-Token', true], ['X-CSRF-Token', true], ['X-Amz-Security-Token', true], ['Token', true],
    ['X-Client-Secret', true], ['X-Signature', true], ['X-Session-Id', true], ['X-Password', true],
    // CORS and ordinary headers keep their values.
    ['Access-Control-Allow-Credentials', false], ['Access-Control-Allow-Headers', false], ['Origin', false],
    ['Sec-WebSocket-Key', false], ['X-Tokenizer', false], ['Content-Type', false], ['X-Cookie-Hint', false],
  ])('%s → %s', (name, secret) => {
    expect(isSecretHeader(name)).toBe(secret);
  });
});

describe('isSecretParam', () => {
  test.each([
    // OAuth 2.0 and OpenID Connect.
    ['access_token', true], ['id_token', true], ['refresh_token', true], ['token', true], ['code', true], ['client_secret', true],
    // API keys and passwords.
    ['api_key', true], ['apikey', true], ['key', true], ['KEY', true], ['password', true], ['secret', true], ['auth', true],
    // Pre-signed URLs.
    ['sig', true], ['signature', true], ['X-Amz-Signature', true], ['X-Amz-Credential', true], ['X-Amz-Security-Token', true], ['X-Goog-Signature', true],
    // By suffix.
    ['csrf_token', true], ['upload-key', true], ['db_password', true],
    // Ordinary parameters.
    ['q', false], ['page', false], ['marker', false], ['keyword', false], ['tokens_left', false], ['X-Amz-Date', false], ['state', false],
  ])('%s → %s', (name, secret) => {
    expect(isSecretParam(name)).toBe(secret);
  });
});
