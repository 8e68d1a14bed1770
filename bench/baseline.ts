// A baseline build for before/after figures in one run: the sources of another commit
// (`git archive`), unpacked under .tmp/ next to this worktree's node_modules, so the same
// benchmark can be bundled and run from both on the same machine, rounds alternating.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The directory holding `ref`'s sources (reused when already unpacked). */
export function baselineSources(ref: string): string {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  const dir = join(process.cwd(), '.tmp', `baseline-${commit}`);
  if (existsSync(join(dir, 'package.json'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`]);
  symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Median and the spread (lowest, highest) of a list of figures. */
export function summary(values: readonly number[]): { median: number; low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, low: sorted[0] ?? 0, high: sorted.at(-1) ?? 0 };
}
