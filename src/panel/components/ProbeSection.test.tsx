// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { POLICIES, TRUSTED, type PolicyAnswer, type PolicyName } from '../../../test/audit/policies';
import { analyzeExchange } from '../../core/analyze';
import { classifyProbe } from '../../core/audit/probe-classify';
import { planProbe } from '../../core/audit/probe-plan';
import type { ProbeExchange, ProbeReport, ProbeTarget } from '../../core/audit/probe-types';
import type { Exchange } from '../../core/model';
import type { PanelMessage, RecordedExchange } from '../../core/protocol';
import { exchange, hop } from '../../../test/support/exchange-builders';
import { createProbeController } from '../probe-store';
import { ProbeSection } from './ProbeSection';

afterEach(cleanup);

const URL = 'https://api.test/me';
const entryOf = (x: Exchange): RecordedExchange => ({ seq: 1, pageId: 1, exchange: x, analysis: analyzeExchange(x) });
const ENTRY = entryOf(exchange([hop('GET', URL, { Origin: TRUSTED }, 200, { 'Access-Control-Allow-Origin': TRUSTED, Vary: 'Origin' })], { initiatorOrigin: TRUSTED }));
const TARGET: ProbeTarget = { url: URL, method: 'GET', pageOrigin: TRUSTED };

/** A report as the background would send it, with each answer computed by the policy's own code (test/audit/policies.ts). */
function reportFor(policy: PolicyName, state: ProbeReport['state'], count?: number): ProbeReport {
  const plan = planProbe(TARGET, 'tok');
  const sent: ProbeExchange[] = plan.slice(0, count).map((request) => {
    const answer: PolicyAnswer = POLICIES[policy](request.origin);
    const headers: Record<string, string> = { ...answer.common, ...(request.stage === 'preflight' ? (answer.preflight ?? {}) : {}) };
    return { request, response: { status: 200, headers: Object.entries(headers).map(([name, value]) => ({ name, value })), redirected: false } };
  });
  return { target: TARGET, state, planned: plan.length, sent, ...classifyProbe(sent) };
}

function setup(entry: RecordedExchange = ENTRY, permission = true) {
  const sent: PanelMessage[] = [];
  const controller = createProbeController({ tabId: 7, send: (m) => sent.push(m), requestPermission: async () => permission, entries: () => [entry] });
  render(<ProbeSection entry={entry} controller={controller} />);
  return { sent, controller };
}

describe('ProbeSection', () => {
  test('nothing is sent until the click; the click sends one start command for this endpoint', async () => {
    const { sent } = setup();
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Probe this endpoint' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ type: 'probe', version: 1, payload: { tabId: 7, action: 'start', target: TARGET } });
  });

  test('without the permission nothing is sent and the panel says why', async () => {
    const { sent } = setup(ENTRY, false);
    fireEvent.click(screen.getByRole('button', { name: 'Probe this endpoint' }));
    await screen.findByText(/permission to send crafted Origin headers was not granted/);
    expect(sent).toEqual([]);
  });

  test('while running: progress and Cancel, which sends cancel', () => {
    const { sent, controller } = setup();
    act(() => controller.receive(reportFor('correct', 'running', 3)));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel probe (3/14)' }));
    expect(sent).toEqual([{ type: 'probe', version: 1, payload: { tabId: 7, action: 'cancel' } }]);
  });

  test.each<[PolicyName, string]>([
    ['reflect-any', 'reflects-any-origin, allow-origin-null'],
    ['trusts-subdomains', 'trusts-subdomains'],
    ['correct', 'correct'],
  ])('final report for %s: classification, origins accepted, and what was sent', (policy, classification) => {
    const { controller } = setup();
    act(() => controller.receive(reportFor(policy, 'done')));
    expect(document.querySelector('.probe-report strong')?.textContent).toBe(classification);
    const nullRow = screen.getAllByText('null').find((el) => el.closest('table')?.classList.contains('probe-origins'))?.closest('tr');
    expect(nullRow?.textContent).toContain(policy === 'reflect-any' ? 'yesallowed' : 'no-');
    expect(screen.getAllByText(`Origin: https://tok-cors-lens.example`)).toHaveLength(2);
  });

  test('the passive audit shows attack and fix for a risky recorded answer', () => {
    const risky = entryOf(exchange([hop('GET', URL, { Origin: TRUSTED }, 200, { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' })], { initiatorOrigin: TRUSTED }));
    setup(risky);
    const item = document.querySelector('[data-code="allow-origin-null"]');
    expect(item?.textContent).toMatch(/sandboxed iframe/);
    expect(item?.textContent).toMatch(/Never allow the origin "null"/);
  });

  test('a hostile header value from the server is shown as text, never run', () => {
    const evil = '<img src=x onerror="globalThis.pwned=1">';
    const { controller } = setup();
    const base = reportFor('correct', 'done', 2);
    const first = base.sent[0] as ProbeExchange;
    const hostile: ProbeReport = { ...base, sent: [{ ...first, response: { status: 200, redirected: false, headers: [{ name: 'Access-Control-Allow-Origin', value: evil }] } }] };
    act(() => controller.receive(hostile));
    expect(screen.getByText(evil).tagName).toBe('CODE');
    expect(document.querySelector('img')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
