// The background's probe service with the real runner and Node's fetch against the policy server.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ProbeReport } from '../../core/audit/probe-types';
import { startPolicyServer, type PolicyServer } from '../../../test/audit/misconfigured-server';
import { nodeTransport } from '../../../test/audit/node-transport';
import { TRUSTED } from '../../../test/audit/policies';
import { ProbeService } from './probe-service';

let server: PolicyServer;
beforeAll(async () => {
  server = await startPolicyServer();
});
afterAll(() => server.close());

function collect(): { reports: ProbeReport[]; final: (n?: number) => Promise<ProbeReport[]>; reply: (r: ProbeReport) => void } {
  const reports: ProbeReport[] = [];
  const waiters: (() => void)[] = [];
  return {
    reports,
    reply: (r) => {
      reports.push(r);
      for (const w of waiters.splice(0)) w();
    },
    final: async (n = 1) => {
      while (reports.filter((r) => r.state !== 'running').length < n) await new Promise<void>((resolve) => waiters.push(resolve));
      return reports.filter((r) => r.state !== 'running');
    },
  };
}

const start = (policy: 'reflect-any' | 'correct') => ({ tabId: 1, action: 'start' as const, target: { url: server.url(policy), method: 'GET', pageOrigin: TRUSTED } });

describe('ProbeService', () => {
  test('without the permission it sends nothing and reports why', async () => {
    const before = server.log.length;
    const service = new ProbeService({ transport: nodeTransport, hasPermission: async () => false, minIntervalMs: 0 });
    const c = collect();
    service.handle(start('correct'), c.reply);
    const [report] = await c.final();
    expect(report).toMatchObject({ state: 'failed', sent: [] });
    expect(report?.error).toMatch(/declarativeNetRequestWithHostAccess/);
    expect(server.log.length).toBe(before);
  });

  test.each([
    [{ tabId: 1, action: 'start', target: { url: 'file:///etc/passwd', method: 'GET', pageOrigin: TRUSTED } }],
    [{ tabId: 1, action: 'start', target: { url: 'http://user:pw@127.0.0.1/', method: 'GET', pageOrigin: TRUSTED } }],
    [{ tabId: 1, action: 'start', target: { url: 'http://127.0.0.1/', method: 'GET', pageOrigin: 'https://app.test/path' } }],
  ])('an invalid target is ignored: %j', async (command) => {
    const service = new ProbeService({ transport: nodeTransport, hasPermission: async () => true, minIntervalMs: 0 });
    const c = collect();
    service.handle(command as Parameters<ProbeService['handle']>[0], c.reply);
    await new Promise((r) => setTimeout(r, 50));
    expect(c.reports).toEqual([]);
    expect(service.busy).toBe(false);
  });

  test('cancel from the same tab stops it; a second start replaces the first', async () => {
    const service = new ProbeService({ transport: nodeTransport, hasPermission: async () => true, minIntervalMs: 100 });
    const c = collect();
    service.handle(start('reflect-any'), c.reply);
    await new Promise((r) => setTimeout(r, 150));
    service.handle({ tabId: 2, action: 'cancel' }, c.reply); // another tab's cancel does nothing
    service.handle(start('correct'), c.reply);
    const [first, second] = await c.final(2);
    expect(first?.state).toBe('cancelled');
    expect(first?.target.url).toBe(server.url('reflect-any'));
    expect(second).toMatchObject({ state: 'done', classification: ['correct'] });
    // The final report goes out just before the service lets go of the probe.
    await new Promise((r) => setTimeout(r, 10));
    expect(service.busy).toBe(false);
  });
});
