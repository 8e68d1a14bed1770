import { describe, expect, test } from 'vitest';
import { countRows } from '../state/counts';
import { summary } from '../../../test/support/panel-data';
import { summaryParts } from './SummaryBar';

describe('summaryParts', () => {
  test.each([
    [summary({}), '0 blocked · 0 preflighted · 0 simple'],
    [summary({ skipped: 1 }), '0 blocked · 0 preflighted · 0 simple · 1 unreadable entry skipped'],
    [summary({ sameOrigin: 2, skipped: 3 }), '0 blocked · 0 preflighted · 0 simple · 2 same-origin · 3 unreadable entries skipped'],
  ])('%j', (s, text) => {
    expect(summaryParts(countRows([]), s).join(' · ')).toBe(text);
  });
});
