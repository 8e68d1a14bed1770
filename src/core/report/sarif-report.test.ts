// The SARIF file must pass the SARIF 2.1.0 JSON schema: the one Microsoft's maintained
// @microsoft/jest-sarif ships (lib/schemas/sarif-2.1.0-rtm.5.json, the 2.1.0 schema as published
// on SchemaStore, JSON Schema draft-04), checked with Ajv's draft-04 class and ajv-formats.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { prepareItems, type ReportItem } from './report-model';
import { ALL, ALLOWED, BLOCKED, HOSTILE, HOSTILE_ITEM, SECRET_COOKIE, SECRET_PASSWORD, UNKNOWN } from './report-test-data';
import { sarifReport } from './sarif-report';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// unicodeRegExp off: the schema's `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`)
// has a stray `]` that only non-Unicode regular expressions accept.
// strict off: Ajv's strict mode rejects schema idioms that are valid JSON Schema (an `anyOf` branch
// `required` names a property defined outside it, strictRequired); it does not relax validation.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

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
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]?.results).toHaveLength(results);
  });

  test('the schema check can fail: a result without a message is rejected', () => {
    const log = JSON.parse(sarifReport(prepareItems([BLOCKED], true), '0.1.0')) as { runs: { results: Record<string, unknown>[] }[] };
    delete log.runs[0]?.results[0]?.message;
    expect(validate(log)).toBe(false);
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
