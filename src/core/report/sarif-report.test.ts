// The SARIF file must pass the SARIF 2.1.0 JSON schema (test/support/report-schemas.ts says which).
import { describe, expect, test } from 'vitest';
import { sarifSchemaErrors } from '../../../test/support/report-schemas';
import { prepareItems, type ReportItem } from './report-model';
import { ALL, ALLOWED, BLOCKED, HOSTILE, HOSTILE_ITEM, SECRET_COOKIE, SECRET_PASSWORD, UNKNOWN } from '../../../test/support/report-items';
import { sarifReport } from './sarif-report';

interface SarifLog {
  runs: { results: { ruleId: string; message: { text: string }; locations?: unknown[] }[]; tool: { driver: { rules: { id: string }[] } } }[];
}

describe('sarifReport', () => {
  test.each<[string, readonly ReportItem[], number]>([
    ['blocked', [BLOCKED], 1],
    ['allowed', [ALLOWED], 0],
    ['unknown', [UNKNOWN], 0],
    ['hostile header values', [HOSTILE_ITEM], 1],
    ['everything', ALL, 3],
  ])('%s: valid SARIF 2.1.0 with %i result(s)', (_label, items, results) => {
    const log = JSON.parse(sarifReport(prepareItems(items, true), '0.1.0')) as SarifLog;
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]?.results).toHaveLength(results);
  });

  test('the schema check can fail: a result without a message is rejected', () => {
    const log = JSON.parse(sarifReport(prepareItems([BLOCKED], true), '0.1.0')) as { runs: { results: Record<string, unknown>[] }[] };
    delete log.runs[0]?.results[0]?.message;
    expect(sarifSchemaErrors(log).join('\n')).toMatch(/message/);
  });

  test('each result names its rule, says the reason and the fix, and keeps secrets out', () => {
    const text = sarifReport(prepareItems(ALL, true), '0.1.0');
    const log = JSON.parse(text) as SarifLog;
    const run = log.runs[0];
    expect(run?.results.map((r) => r.ruleId)).toEqual(['wildcard-origin-with-credentials', 'wildcard-origin-with-credentials', run?.results[2]?.ruleId]);
    expect(run?.tool.driver.rules.map((r) => r.id)).toContain(run?.results[2]?.ruleId);
    expect(run?.results[0]?.message.text).toMatch(/was blocked: .*\nResponse must carry:/s);
    expect(text).not.toContain(SECRET_COOKIE);
    expect(text).not.toContain(SECRET_PASSWORD);
    // JSON carries the hostile value as data, which is what SARIF viewers expect to escape.
    expect(text).toContain(JSON.stringify(HOSTILE).slice(1, 20));
  });
});
