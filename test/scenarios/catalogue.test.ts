import { describe, expect, test } from 'vitest';
import { catalogue } from './catalogue';

describe('scenario catalogue', () => {
  test('has at least 45 scenarios with unique kebab-case ids', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(45);
    const ids = catalogue.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(catalogue.map((s) => [s.id, s] as const))('%s is well-formed', (id, s) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(s.description.length).toBeGreaterThan(10);
    expect(s.steps[s.page.step ?? 'main']).toBeDefined();
    if (s.expected === 'resolved') expect(s.expectedCorsError).toBeUndefined();
  });
});
