// The JUnit file must pass a JUnit XML schema check (test/support/report-schemas.ts says which).
import { describe, expect, test } from 'vitest';
import { junitSchemaErrors as schemaErrors } from '../../../test/support/report-schemas';
import { junitReport } from './junit-report';
import { prepareItems, type ReportItem } from './report-model';
import { ALL, ALLOWED, BLOCKED, HOSTILE, HOSTILE_ITEM, SECRET_PASSWORD, UNKNOWN } from '../../../test/support/report-items';

describe('junitReport', () => {
  test.each<[string, readonly ReportItem[], string]>([
    ['blocked', [BLOCKED], '<failure message="The request was sent with credentials'],
    ['allowed', [ALLOWED], 'classname="http://localhost:9000" time="0"/>'],
    ['unknown', [UNKNOWN], '<skipped>verdict unknown: depends on'],
    ['hostile header values', [HOSTILE_ITEM], 'has several values (&quot;&lt;img src=x onerror='],
    ['everything', ALL, 'tests="5" failures="3" errors="0" skipped="1"'],
  ])('%s: valid against junit-4.xsd', async (_label, items, expected) => {
    const xml = junitReport(prepareItems(items, true));
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).toContain(expected);
  });

  test('the schema check can fail: a testcase without a name is rejected', async () => {
    const xml = junitReport(prepareItems([BLOCKED], true)).replace(/<testcase name="[^"]*"/, '<testcase');
    expect((await schemaErrors(xml)).join('\n')).toMatch(/name.*required/i);
  });

  test('one testcase per cross-origin exchange, with the fix in the failure and secrets redacted', () => {
    const xml = junitReport(prepareItems(ALL, true));
    expect(xml.match(/<testcase /g)).toHaveLength(5);
    expect(xml).toContain('Response must carry:');
    expect(xml).toContain('type="wildcard-origin-with-credentials"');
    expect(xml).not.toContain(SECRET_PASSWORD);
    expect(xml).not.toContain(HOSTILE);
  });
});
