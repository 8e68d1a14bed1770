import { describe, expect, test } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { AMO_LISTING, CHROME_LISTING, PERMISSION_JUSTIFICATIONS, renderListing } from './listings.mjs';

const LISTINGS = { chrome: CHROME_LISTING, amo: AMO_LISTING };
const withLimits = Object.entries(LISTINGS).flatMap(([store, fields]) => fields.filter((f) => f.limit !== undefined).map((f) => [store, f.field, f.text, f.limit ?? 0] as const));
const MANIFEST_PERMISSIONS = [...manifest.permissions, ...manifest.host_permissions];
const field = (fields: typeof CHROME_LISTING, name: string): string => fields.find((f) => f.field === name)?.text ?? '';

describe('every listing field fits its form', () => {
  test.each(withLimits)('%s: %s', (_store, _field, text, limit) => {
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(limit);
  });
});

describe('every manifest permission is justified in both listings', () => {
  test.each(MANIFEST_PERMISSIONS)('%s', (permission) => {
    const why = PERMISSION_JUSTIFICATIONS[permission];
    expect(why, `no justification for ${permission}`).toBeTruthy();
    expect(field(CHROME_LISTING, `Permission justification: ${permission}`)).toBe(why);
    expect(field(AMO_LISTING, 'Notes to reviewer')).toContain(`• ${permission}: ${why}`);
  });

  test('and nothing is justified that the manifest does not ask for', () => {
    expect(Object.keys(PERMISSION_JUSTIFICATIONS).sort()).toEqual([...MANIFEST_PERMISSIONS].sort());
  });
});

test.each([
  ['chrome', CHROME_LISTING, 'Summary (the manifest description)'],
  ['amo', AMO_LISTING, 'Summary'],
] as const)("the %s listing's name is the manifest's and its summary starts with the manifest description", (_store, fields, summary) => {
  expect(field(fields, 'Name')).toBe(manifest.name);
  expect(field(fields, summary).startsWith(manifest.description)).toBe(true);
});

test.each([
  ['chrome', CHROME_LISTING],
  ['amo', AMO_LISTING],
] as const)('the %s listing links the privacy policy, and its Markdown holds every field whole', (_store, fields) => {
  expect(field(fields, 'Privacy policy')).toContain('](../../PRIVACY.md)');
  const md = renderListing('title', fields);
  for (const f of fields) {
    expect(md).toContain(`## ${f.field}`);
    expect(md).toContain(f.text);
  }
});
