import { describe, expect, test } from 'vitest';
import type { OverridePlan } from '../core/override/override-plan';
import type { PanelMessage } from '../core/protocol';
import { createOverrideController } from './override-store';

const plan: OverridePlan = { url: 'http://localhost:9000/a', method: 'GET', preflight: null, response: [{ name: 'Access-Control-Allow-Origin', value: 'http://localhost:8000' }] };

function wire(granted = true) {
  const sent: PanelMessage[] = [];
  const controller = createOverrideController({ tabId: 3, send: (m) => sent.push(m), requestPermission: () => Promise.resolve(granted) });
  const lastKey = (): string => {
    const m = sent.at(-1);
    return m?.type === 'override' && m.payload.action === 'add' ? m.payload.key : '';
  };
  return { sent, controller, lastKey };
}

describe('override store', () => {
  test.each([
    ['the background confirms: tryFix resolves with the override, find() sees it', 'ok'],
    ['the browser refuses: tryFix rejects with its message', 'failed'],
  ] as const)('%s', async (_label, outcome) => {
    const { controller, lastKey } = wire();
    const pending = controller.tryFix(plan);
    await Promise.resolve();
    await Promise.resolve();
    const key = lastKey();
    expect(key).not.toBe('');
    if (outcome === 'ok') {
      controller.receive({ tabId: 3, overrides: [{ id: 70_000, key, plan }] });
      await expect(pending).resolves.toEqual({ id: 70_000, key, plan });
      expect(controller.find({ ...plan })?.id).toBe(70_000);
    } else {
      controller.receive({ tabId: 3, overrides: [], failed: { key, error: 'Invalid regexFilter' } });
      await expect(pending).rejects.toThrow('Invalid regexFilter');
      expect(controller.find(plan)).toBeUndefined();
    }
  });

  test('without the permission nothing is sent', async () => {
    const { controller, sent } = wire(false);
    await expect(controller.tryFix(plan)).rejects.toThrow(/not granted/);
    expect(sent).toEqual([]);
  });

  test('Remove and Remove all name this tab', () => {
    const { controller, sent } = wire();
    controller.remove(70_002);
    controller.removeAll();
    expect(sent.map((m) => m.payload)).toEqual([
      { tabId: 3, action: 'remove', id: 70_002 },
      { tabId: 3, action: 'removeAll' },
    ]);
  });
});
