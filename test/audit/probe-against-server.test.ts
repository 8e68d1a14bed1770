// The probe's plan, runner and classifier against a real loopback server implementing each
// misconfiguration (policies.ts). Node's fetch carries the crafted Origin (node-transport.ts).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ProbeTransport } from '../../src/platform/probe-dnr';
import { runProbe } from '../../src/background/probe/run-probe';
import { MAX_PROBE_REQUESTS } from '../../src/core/audit/probe-plan';
import { startPolicyServer, type PolicyServer } from './misconfigured-server';
import { nodeTransport } from './node-transport';
import { TRUSTED, type PolicyName } from './policies';

let server: PolicyServer;
beforeAll(async () => {
  server = await startPolicyServer();
});
afterAll(() => server.close());

const probe = (policy: PolicyName, minIntervalMs = 0) =>
  runProbe({ url: server.url(policy), method: 'PUT', pageOrigin: TRUSTED }, nodeTransport, { signal: new AbortController().signal, token: 'tok123', minIntervalMs });

describe('probe classification against the policy server', () => {
  test.each<[PolicyName, string[], string[]]>([
    // policy, classification, other findings expected (passive checks on the answers)
    ['correct', ['correct'], []],
    ['reflect-any', ['reflects-any-origin', 'allow-origin-null'], []],
    ['trusts-null', ['allow-origin-null'], []],
    ['prefix-match', ['prefix-match'], []],
    // endsWith('app.test') also lets the http variant and every subdomain in: all three are true.
    ['suffix-match', ['suffix-match', 'trusts-http-origin', 'trusts-subdomains'], []],
    ['trusts-http', ['trusts-http-origin'], []],
    ['trusts-subdomains', ['trusts-subdomains'], []],
    ['no-vary', ['correct'], ['allow-origin-without-vary']],
    ['exposes-set-cookie', ['correct'], ['sensitive-headers-exposed']],
    ['huge-max-age', ['correct'], ['max-age-capped']],
  ])('%s → %j', async (policy, classification, others) => {
    const report = await probe(policy);
    expect(report.state).toBe('done');
    expect(report.classification).toEqual(classification);
    const codes = report.findings.map((f) => f.code).sort();
    const expected = [...(classification[0] === 'correct' ? [] : classification), ...others].sort();
    expect(codes).toEqual(expected);
    for (const f of report.findings) expect(f.attack.length * f.fix.length).toBeGreaterThan(0);
  });

  test('what was sent is exactly what the server received, without cookies', async () => {
    const before = server.log.length;
    const report = await probe('correct');
    const received = server.log.slice(before);
    expect(report.sent).toHaveLength(MAX_PROBE_REQUESTS);
    expect(received.map((r) => [r.method, r.origin, r.requestMethod])).toEqual(
      report.sent.map((x) => [x.request.method, x.request.origin, x.request.stage === 'preflight' ? 'PUT' : null]),
    );
    expect(received.every((r) => r.cookie === null && r.path === '/correct/data')).toBe(true);
    expect(new Set(received.map((r) => r.origin))).toEqual(
      new Set([TRUSTED, 'https://tok123-cors-lens.example', 'null', 'https://tok123app.test', 'https://app.test.tok123-cors-lens.example', 'http://app.test', 'https://tok123.app.test']),
    );
  });

  test('rate limit: no two requests closer than the interval', async () => {
    // Measured as each request leaves (arrival times at the server also carry the loaded
    // machine's scheduling jitter); a request leaves a millisecond or so after the limiter's mark.
    const before = server.log.length;
    const sentAt: number[] = [];
    const timed: ProbeTransport = { send: (request, signal) => (sentAt.push(Date.now()), nodeTransport.send(request, signal)) };
    await runProbe({ url: server.url('correct'), method: 'PUT', pageOrigin: TRUSTED }, timed, { signal: new AbortController().signal, token: 'tok123', minIntervalMs: 100 });
    expect(server.log.length - before).toBe(sentAt.length);
    const gaps = sentAt.slice(1).map((t, i) => t - (sentAt[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(98);
  });

  test('cancel stops sending and reports cancelled', async () => {
    const before = server.log.length;
    const controller = new AbortController();
    const running = runProbe({ url: server.url('reflect-any'), method: 'GET', pageOrigin: TRUSTED }, nodeTransport, {
      signal: controller.signal, token: 'tok123', minIntervalMs: 200,
      onUpdate: (r) => {
        if (r.sent.length === 2) controller.abort();
      },
    });
    const report = await running;
    expect(report.state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 300));
    expect(server.log.length - before).toBe(2);
  });

  test('a redirect is reported, never followed', async () => {
    const before = server.log.length;
    const report = await runProbe({ url: `${server.base}/redirect/x`, method: 'GET', pageOrigin: TRUSTED }, nodeTransport, { signal: new AbortController().signal, token: 't', minIntervalMs: 0 });
    expect(report.sent.every((x) => x.response?.redirected === true)).toBe(true);
    expect(server.log.slice(before).every((r) => r.path === '/redirect/x')).toBe(true);
    expect(report.classification).toEqual(['correct']);
  });
});
