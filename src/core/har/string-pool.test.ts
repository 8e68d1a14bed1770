import { describe, expect, test } from 'vitest';
import { StringPool } from './string-pool';

/** The recorder's settings (src/background/event-normalizer.ts recorderHeaderPool). */
const RECORDER = { limit: 4_096, maxSharedValue: 256 };

describe('StringPool.header', () => {
  test.each([
    { name: 'the same header twice is one frozen object', a: ['Accept', '*/*'], b: ['Accept', '*/*'], same: true },
    { name: 'another value is another object', a: ['Accept', '*/*'], b: ['Accept', 'text/html'], same: false },
    { name: 'names keep their case (the log shows them as sent)', a: ['accept', '*/*'], b: ['Accept', '*/*'], same: false },
    { name: 'a name/value split does not collide', a: ['a', 'b\nc'], b: ['a\nb', 'c'], same: false },
    { name: 'long values are not shared by the recorder', a: ['Cookie', 'x'.repeat(300)], b: ['Cookie', 'x'.repeat(300)], same: false },
  ])('$name', ({ a, b, same }) => {
    const pool = new StringPool(RECORDER);
    const first = pool.header(a[0] as string, a[1] as string);
    const second = pool.header(b[0] as string, b[1] as string);
    expect([first.name, first.value]).toEqual(a);
    expect([second.name, second.value]).toEqual(b);
    expect(first === second).toBe(same);
    if (same) expect(Object.isFrozen(first)).toBe(true);
  });

  test('the HAR reader (no length bound) shares long values too', () => {
    const pool = new StringPool();
    expect(pool.header('Cookie', 'x'.repeat(300))).toBe(pool.header('Cookie', 'x'.repeat(300)));
  });

  test('stays bounded: when full it starts over, and every header still comes back right', () => {
    const pool = new StringPool(RECORDER);
    const first = pool.header('X-N', '0');
    for (let i = 1; i <= 5_000; i++) expect(pool.header('X-N', String(i)).value).toBe(String(i));
    const again = pool.header('X-N', '0');
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });
});
