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
    ['Chrome before 79 (its log.browser): completed blocked responses, so not counted as Chromium', [ok], { browser: { name: 'Google Chrome', version: '47.0.2526.111' } }, undefined],
    ['Chrome 79 and later (its log.browser)', [ok], { browser: { name: 'Google Chrome', version: '79.0.3945.0' } }, 'chromium'],
    ["Chrome before 79 by the requests' User-Agent", [{ ...ok, headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/72.0.3626.0 Safari/537.36' } }], { creator: { name: 'WebInspector', version: '537.36' } }, undefined],
    ["Chrome 114 by the requests' User-Agent", [{ ...ok, headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36' } }], { creator: { name: 'WebInspector', version: '537.36' } }, 'chromium'],
  ])('%s', (_label, entries, log, browser) => {
    const read = readHarJson(har(entries, log));
    if (!read.ok) throw new Error(read.error);
    expect(read.exchanges.map((e) => e.browser)).toEqual(entries.map(() => browser));
  });
});
