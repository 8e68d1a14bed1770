import { describe, expect, test } from 'vitest';
import { API, har, type EntrySpec } from '../../../test/har-samples/build-har';
import { readHarJson } from './read-har';

const failed = (error: string): EntrySpec => ({ url: `${API}/a`, status: 0, responseExtra: { _error: error } });
const ok: EntrySpec = { url: `${API}/b` };

describe('the recording browser, when the log does not name it', () => {
  test.each<[string, EntrySpec[], Record<string, unknown>, string | undefined]>([
    ["Chromium's net error in any entry: a recorder that reports Chromium's errors", [ok, failed('net::ERR_ABORTED')], {}, 'chromium'],
    ["Firefox's error names do not tell (its blocks come without one)", [ok, failed('NS_ERROR_DOM_BAD_URI')], {}, undefined],
    ['no error anywhere: not known', [ok], {}, undefined],
    ['a named creator wins', [failed('net::ERR_FAILED')], { creator: { name: 'Firefox', version: '1' } }, 'firefox'],
  ])('%s', (_label, entries, log, browser) => {
    const read = readHarJson(har(entries, log));
    if (!read.ok) throw new Error(read.error);
    expect(read.exchanges.map((e) => e.browser)).toEqual(entries.map(() => browser));
  });
});
