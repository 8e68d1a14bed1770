// The passive audit on exchanges recorded from the real policy server (record.ts): what a
// recording can show, and no alarm on the correct server.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { analyzeExchange } from '../../src/core/analyze';
import { auditRecording } from '../../src/core/audit/audit';
import { startPolicyServer, type PolicyServer } from './misconfigured-server';
import { TRUSTED, type PolicyName } from './policies';
import { recordExchange } from './record';

let server: PolicyServer;
beforeAll(async () => {
  server = await startPolicyServer();
});
afterAll(() => server.close());

test.each<[PolicyName, string[], string[]]>([
  // policy, origins the recording holds, finding codes expected (worst first)
  ['correct', [TRUSTED], []],
  ['correct', [TRUSTED, 'https://visitor.test'], []],
  ['reflect-any', [TRUSTED, 'https://visitor.test'], ['reflects-any-origin']],
  ['trusts-null', [TRUSTED, 'null'], ['allow-origin-null']],
  ['prefix-match', [TRUSTED], []],
  ['prefix-match', [TRUSTED, 'https://app.test.attacker.example'], ['reflects-any-origin']],
  ['no-vary', [TRUSTED], ['allow-origin-without-vary']],
  ['no-vary', [TRUSTED, 'https://visitor.test'], ['allow-origin-without-vary']],
  ['exposes-set-cookie', [TRUSTED], ['sensitive-headers-exposed']],
  ['huge-max-age', [TRUSTED], ['max-age-capped']],
])('%s seen from %j → %j', async (policy, origins, expected) => {
  const exchanges = await Promise.all(origins.map((origin, i) => recordExchange(`${policy}-${i}`, server.url(policy), origin, true)));
  const result = auditRecording(exchanges.map((exchange) => ({ exchange, analysis: analyzeExchange(exchange) })));
  const codes = [...new Set([...result.byExchange.values()].flat().map((f) => f.code))];
  expect(codes.sort()).toEqual([...expected].sort());
});

test('a missing Vary is rated medium once two origins show the answer depends on Origin', async () => {
  const one = await recordExchange('v0', server.url('no-vary'), TRUSTED, false);
  const two = await recordExchange('v1', server.url('no-vary'), 'https://visitor.test', false);
  const alone = auditRecording([{ exchange: one, analysis: analyzeExchange(one) }]);
  const both = auditRecording([one, two].map((exchange) => ({ exchange, analysis: analyzeExchange(exchange) })));
  expect(alone.byExchange.get('v0')?.map((f) => f.severity)).toEqual(['low']);
  expect(both.byExchange.get('v0')?.map((f) => f.severity)).toEqual(['medium']);
});
