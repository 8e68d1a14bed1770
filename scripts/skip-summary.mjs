// What `npm test` did not run, from Vitest's JSON reports: one line per project and reason, then
// `N skipped`. The reason is the one the skipped test declares in `meta.skipReason`
// (test/support/requirements.ts); a test skipped without one is named by its file, so a new
// skip cannot hide behind a list kept here.
import { relative } from 'node:path';

/**
 * @param {{ project: string, report: { testResults: { name: string, assertionResults: { status: string, meta?: { skipReason?: string } }[] }[] } }[]} runs
 * @returns {string[]}
 */
export function skipSummary(runs) {
  const groups = new Map();
  for (const { project, report } of runs) {
    for (const file of report.testResults) {
      const where = relative(process.cwd(), file.name);
      for (const t of file.assertionResults) {
        if (t.status !== 'skipped' && t.status !== 'todo') continue;
        const reason = t.meta?.skipReason ?? (t.status === 'todo' ? `todo in ${where}` : `no reason declared in ${where}`);
        const key = `${project}\t${reason}`;
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
    }
  }
  let total = 0;
  const lines = [];
  for (const [key, n] of groups) {
    const [project, reason] = key.split('\t');
    total += n;
    lines.push(`skipped ${n} ${project} test${n === 1 ? '' : 's'}: ${reason}`);
  }
  return [...lines, `${total} skipped`];
}
