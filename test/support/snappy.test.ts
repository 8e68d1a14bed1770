import { describe, expect, test } from 'vitest';
import { snappyDecompress } from './snappy';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => [...Buffer.from(s, 'latin1')];

describe('snappyDecompress', () => {
  test.each([
    { name: 'one literal', input: bytes(4, 3 << 2, ...text('abcd')), output: 'abcd' },
    { name: 'literal, then a 1-byte-offset copy', input: bytes(8, 3 << 2, ...text('abcd'), 0x01, 4), output: 'abcdabcd' },
    { name: 'an overlapping copy repeats a run', input: bytes(10, 0 << 2, ...text('x'), ((9 - 4) << 2) | 1, 1), output: 'xxxxxxxxxx' },
    { name: 'a 2-byte-offset copy', input: bytes(6, 2 << 2, ...text('abc'), ((3 - 1) << 2) | 2, 3, 0), output: 'abcabc' },
    { name: 'a 4-byte-offset copy', input: bytes(5, 1 << 2, ...text('ab'), ((3 - 1) << 2) | 3, 2, 0, 0, 0), output: 'ababa' },
    { name: 'a literal with its length in a further byte', input: bytes(61, 60 << 2, 60, ...text('y'.repeat(61))), output: 'y'.repeat(61) },
  ])('$name', ({ input, output }) => {
    expect(Buffer.from(snappyDecompress(input)).toString('latin1')).toBe(output);
  });

  test.each([
    { name: 'a copy before any output', input: bytes(4, 0x01, 1) },
    { name: 'a literal past the end', input: bytes(4, 3 << 2, ...text('ab')) },
    { name: 'fewer bytes than announced', input: bytes(9, 3 << 2, ...text('abcd')) },
  ])('rejects $name', ({ input }) => {
    expect(() => snappyDecompress(input)).toThrow(/not a Snappy stream/);
  });
});
