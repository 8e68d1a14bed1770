// The fix, one row per kind of blocked exchange, through the real analyzer: the exact headers a
// server must send (and nothing wider), or a note when no header change can help.

import { describe, expect, test } from 'vitest';
import type { Fix } from './analysis';
import { analyzeExchange } from './analyze';
import type { Exchange } from './model';
import { API, exchange, hop, PAGE, preflight } from '../../test/support/exchange-builders';

const CORS = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const CREDS = { ...CORS, Cookie: 's=1' };
const ACAO = { 'Access-Control-Allow-Origin': PAGE };
const URL_X = `${API}/x`;
const asked = (method: string, headers?: string) => ({ 'Access-Control-Request-Method': method, ...(headers ? { 'Access-Control-Request-Headers': headers } : {}) });
const withPreflight = (ex: Exchange, ...p: Exchange['preflights']): Exchange => ({ ...ex, preflights: p });

type Lines = Record<string, string> | null;
const lines = (hs: Fix['preflight']): Lines => (hs === null ? null : Object.fromEntries(hs.map((x) => [x.name, x.value])));

interface Row {
  readonly ex: Exchange;
  readonly preflight: Lines;
  readonly status: number | null;
  readonly response: Lines;
  /** A fragment the note must contain; null: no note. */
  readonly note: string | null;
}

const ROWS: Record<string, Row> = {
  'missing Allow-Origin on a simple GET': {
    ex: exchange([hop('GET', URL_X, CORS, 200)]),
    preflight: null, status: null, response: { ...ACAO, Vary: 'Origin' }, note: null,
  },
  'wrong Allow-Origin is replaced, never widened': {
    ex: exchange([hop('GET', URL_X, CORS, 200, { 'Access-Control-Allow-Origin': 'https://other.example' })]),
    preflight: null, status: null, response: { ...ACAO, Vary: 'Origin' }, note: null,
  },
  'two Allow-Origin lines become one': {
    ex: exchange([hop('GET', URL_X, CORS, 200, { 'Access-Control-Allow-Origin': [PAGE, PAGE] })]),
    preflight: null, status: null, response: { ...ACAO, Vary: 'Origin' }, note: null,
  },
  'credentials with `*`: exact origin, ACAC true, Vary merged': {
    ex: exchange([hop('GET', URL_X, CREDS, 200, { 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' })]),
    preflight: null, status: null, response: { ...ACAO, 'Access-Control-Allow-Credentials': 'true', Vary: 'Accept-Encoding, Origin' }, note: null,
  },
  'credentials: ACAC TRUE is replaced by exactly true': {
    ex: exchange([hop('GET', URL_X, CREDS, 200, { ...ACAO, 'Access-Control-Allow-Credentials': 'TRUE', Vary: 'Origin' })]),
    preflight: null, status: null, response: { ...ACAO, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' }, note: null,
  },
  'preflight 404: a 2xx status and the headers': {
    ex: withPreflight(exchange([hop('PUT', URL_X, CORS)]), preflight(URL_X, asked('PUT'), 404, ACAO)),
    preflight: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', Vary: 'Origin' }, status: 204, response: { ...ACAO, Vary: 'Origin' }, note: null,
  },
  'no OPTIONS handler (405)': {
    ex: withPreflight(exchange([hop('PUT', URL_X, CORS)]), preflight(URL_X, asked('PUT'), 405, { Allow: 'GET' })),
    preflight: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', Vary: 'Origin' }, status: 204, response: { ...ACAO, Vary: 'Origin' }, note: null,
  },
  'method listed in another case: the exact method is added, the rest kept': {
    ex: withPreflight(exchange([hop('DELETE', URL_X, CORS)]), preflight(URL_X, asked('DELETE'), 204, { ...ACAO, 'Access-Control-Allow-Methods': 'delete' })),
    preflight: { ...ACAO, 'Access-Control-Allow-Methods': 'delete, DELETE', Vary: 'Origin' }, status: null, response: { ...ACAO, Vary: 'Origin' }, note: null,
  },
  'header not allowed: existing names kept, the missing one added': {
    ex: withPreflight(exchange([hop('GET', URL_X, { ...CORS, 'X-Token': '1' })]), preflight(URL_X, asked('GET', 'x-token'), 204, { ...ACAO, 'Access-Control-Allow-Headers': 'X-Old' })),
    preflight: { ...ACAO, 'Access-Control-Allow-Headers': 'X-Old, x-token', Vary: 'Origin' }, status: null, response: { ...ACAO, Vary: 'Origin' }, note: null,
  },
  'a working `*` without credentials is kept (no Vary needed), the actual response already passes': {
    ex: withPreflight(exchange([hop('GET', URL_X, { ...CORS, 'X-Token': '1' }, 200, { 'Access-Control-Allow-Origin': '*' })]), preflight(URL_X, asked('GET', 'x-token'), 204, { 'Access-Control-Allow-Origin': '*' })),
    preflight: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'x-token' }, status: null, response: null, note: null,
  },
  'credentials with Allow-Methods `*`: the method is named, `*` dropped': {
    ex: withPreflight(exchange([hop('PUT', URL_X, CREDS)]), preflight(URL_X, asked('PUT'), 204, { ...ACAO, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': '*' })),
    preflight: { ...ACAO, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': 'PUT', Vary: 'Origin' }, status: null, response: { ...ACAO, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' }, note: null,
  },
  'unparseable Allow-Headers is replaced by the names needed': {
    ex: withPreflight(exchange([hop('GET', URL_X, { ...CORS, 'X-Custom': '1' })]), preflight(URL_X, asked('GET', 'x-custom'), 204, { ...ACAO, 'Access-Control-Allow-Headers': 'x-custom;' })),
    preflight: { ...ACAO, 'Access-Control-Allow-Headers': 'x-custom', Vary: 'Origin' }, status: null, response: { ...ACAO, Vary: 'Origin' }, note: null,
  },
  'a redirected preflight: no header change, a note': {
    ex: withPreflight(exchange([hop('PUT', URL_X, CORS)]), preflight(URL_X, asked('PUT'), 302, { ...ACAO, Location: `${API}/elsewhere` })),
    preflight: null, status: null, response: null, note: `redirected (to ${API}/elsewhere)`,
  },
  'a cross-origin redirect taints the origin: never allow null': {
    ex: exchange([hop('GET', `${API}/r`, CORS, 302, { ...ACAO, Location: 'http://127.0.0.1:9000/x' }), hop('GET', 'http://127.0.0.1:9000/x', { 'Sec-Fetch-Mode': 'cors', Origin: 'null' }, 200)]),
    preflight: null, status: null, response: null, note: 'call http://127.0.0.1:9000/x directly',
  },
  'after a cross-origin redirect, a target that allows * only lacks the header: keep *, add the header': {
    ex: withPreflight(
      exchange([
        hop('POST', `${API}/r`, { ...CORS, 'Content-Type': 'application/json' }, 307, { ...ACAO, Location: 'http://127.0.0.1:9000/x' }),
        hop('POST', 'http://127.0.0.1:9000/x', { 'Sec-Fetch-Mode': 'cors', Origin: 'null', 'Content-Type': 'application/json' }),
      ], { error: 'net::ERR_FAILED', browser: 'chromium' }),
      preflight(`${API}/r`, asked('POST', 'content-type'), 204, { ...ACAO, 'Access-Control-Allow-Headers': 'Content-Type' }),
      { ...preflight('http://127.0.0.1:9000/x', asked('POST', 'content-type'), 204, { 'Access-Control-Allow-Origin': '*' }) },
    ),
    preflight: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type' }, status: null, response: null, note: null,
  },
  'a page with an opaque origin: never allow null': {
    ex: exchange([hop('GET', URL_X, { 'Sec-Fetch-Mode': 'cors', Origin: 'null' }, 200)], { initiatorOrigin: 'null' }),
    preflight: null, status: null, response: null, note: 'opaque origin',
  },
  'a redirect to a URL with credentials: a note': {
    ex: exchange([hop('GET', `${API}/r`, CORS, 302, { ...ACAO, Location: 'http://u:p@127.0.0.1:9000/x' })], { error: 'net::ERR_FAILED' }),
    preflight: null, status: null, response: null, note: 'user name or password',
  },
  "mode 'same-origin' to another origin: a note": {
    ex: exchange([hop('GET', URL_X, { 'Sec-Fetch-Mode': 'same-origin' })], { mode: 'same-origin', error: 'net::ERR_FAILED' }),
    preflight: null, status: null, response: null, note: "mode 'same-origin'",
  },
  'an Allow-Methods that does not parse is replaced, even for a GET (the fix must pass when applied)': {
    ex: withPreflight(exchange([hop('GET', URL_X, { ...CORS, 'X-Token': '1' })]), preflight(URL_X, asked('GET', 'x-token'), 204, { ...ACAO, 'Access-Control-Allow-Methods': 'Bad method name', 'Access-Control-Allow-Headers': 'x-token' })),
    preflight: { ...ACAO, 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': 'x-token', Vary: 'Origin' }, status: null, response: { ...ACAO, Vary: 'Origin' }, note: null,
  },
  'an Allow-Headers that does not parse is replaced with the headers asked for': {
    ex: withPreflight(exchange([hop('PUT', URL_X, { ...CORS, 'X-Token': '1' })]), preflight(URL_X, asked('PUT', 'x-token'), 204, { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-token, (bad)' })),
    preflight: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-token', Vary: 'Origin' }, status: null, response: { ...ACAO, Vary: 'Origin' }, note: null,
  },
};

describe('computeFix through analyzeExchange', () => {
  test.each(Object.entries(ROWS))('%s', (_name, row) => {
    const analysis = analyzeExchange(row.ex);
    expect(analysis.verdict).toBe('blocked');
    const { fix } = analysis;
    expect({ preflight: lines(fix.preflight), status: fix.preflightStatus, response: lines(fix.response) }).toEqual({ preflight: row.preflight, status: row.status, response: row.response });
    if (row.note === null) expect(fix.note).toBeUndefined();
    else expect(fix.note).toContain(row.note);
  });

  // The safety rules of a minimal fix (test/fix-proof/fix-safety.ts), over every row: nothing here
  // may widen access.
  test.each(Object.entries(ROWS))('%s: never `*` with credentials, never null, Vary with an exact origin', (_name, row) => {
    const { fix } = analyzeExchange(row.ex);
    for (const set of [fix.preflight, fix.response]) {
      if (set === null) continue;
      const acao = set.filter((x) => x.name === 'Access-Control-Allow-Origin');
      expect(acao).toHaveLength(1);
      const value = acao[0]?.value;
      expect(value).not.toBe('null');
      expect([PAGE, '*']).toContain(value);
      const credentials = set.some((x) => x.name === 'Access-Control-Allow-Credentials');
      if (credentials) expect(value).toBe(PAGE);
      if (value === PAGE) expect(set.find((x) => x.name === 'Vary')?.value.split(', ')).toContain('Origin');
      for (const x of set) if (credentials && x.name.startsWith('Access-Control-Allow-')) expect(x.value.split(', ')).not.toContain('*');
    }
  });
});
