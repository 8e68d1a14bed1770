import fc from 'fast-check';
import { expect, test } from 'vitest';
import { FreeSlots } from './free-slots';

test('agrees with a plain scan, whatever the order of takes and queries', () => {
  const op = fc.oneof(fc.record({ take: fc.nat() }), fc.record({ query: fc.integer({ min: -2, max: 42 }) }));
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.array(op, { maxLength: 80 }), (size, ops) => {
      const slots = new FreeSlots(size);
      const taken = new Set<number>();
      for (const o of ops) {
        if ('take' in o) {
          slots.take(o.take % size);
          taken.add(o.take % size);
          continue;
        }
        const q = o.query;
        let after = Math.max(0, q);
        while (after < size && taken.has(after)) after++;
        let before = Math.min(q, size - 1);
        while (before >= 0 && taken.has(before)) before--;
        expect([slots.atOrAfter(q), slots.atOrBefore(q)]).toEqual([Math.min(after, size), before]);
      }
    }),
    { numRuns: 3000 },
  );
});
