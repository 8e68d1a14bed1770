import { describe, expect, test } from 'vitest';
import { progressLine } from './progress';

describe('progressLine', () => {
  test.each<[string, number[], string[]]>([
    ['nothing during the first second', [0, 500, 999], []],
    ['drawn after a second, redrawn at most every 100 ms, erased at the end', [0, 1000, 1050, 1100], [
      '\r\x1b[Kcors-lens: x.har: reading 50% (500 MB of 1,000 MB)',
      '\r\x1b[Kcors-lens: x.har: reading 50% (500 MB of 1,000 MB)',
      '\r\x1b[Kcors-lens: x.har: analysing',
      '\r\x1b[K',
    ]],
  ])('%s', (_name, times, expected) => {
    const written: string[] = [];
    let clock = 0;
    const progress = progressLine((t) => written.push(t), 'x.har', () => clock);
    for (const at of times.slice(1)) {
      clock = at;
      progress.reading(500e6, 1000e6);
    }
    progress.step('analysing');
    progress.done();
    expect(written).toEqual(expected);
  });
});
