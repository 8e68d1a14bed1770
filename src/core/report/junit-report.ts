// JUnit XML for CI systems: one testcase per cross-origin exchange, blocked ones as failures with
// the reason and the fix, `unknown` ones skipped with what they depend on. Shaped by the JUnit
// schema CI servers read (Jenkins' junit-4.xsd, checked in junit-report.test.ts).

import type { Analysis } from '../analysis';
import { escapeXml as x, escapeXmlAttr as a } from './escape';
import { fixText, reasonText } from './fix-text';
import type { ReportItem } from './report-model';

const label = (item: ReportItem): string => {
  const first = item.exchange.hops[0];
  return `${first?.request.method ?? ''} ${first?.request.url ?? ''}`;
};

/** Testcases group by the server they called, as tests group by class. */
function classname(item: ReportItem): string {
  const url = item.exchange.hops[0]?.request.url ?? '';
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function failureBody(analysis: Analysis): string {
  return [...analysis.reasons.map((r) => `${r.code}: ${reasonText(r)}`), '', ...fixText(analysis.fix)].join('\n');
}

function testcase(item: ReportItem): string {
  const { analysis } = item;
  const attrs = `name="${a(label(item))}" classname="${a(classname(item))}" time="0"`;
  if (analysis.verdict === 'blocked') {
    const first = analysis.reasons[0];
    const message = first ? reasonText(first) : 'blocked';
    return `    <testcase ${attrs}>\n      <failure message="${a(message)}" type="${a(first?.code ?? 'blocked')}">${x(failureBody(analysis))}</failure>\n    </testcase>`;
  }
  // junit-4.xsd has `skipped` as a plain string element: the reason goes in its text.
  if (analysis.verdict === 'unknown') return `    <testcase ${attrs}>\n      <skipped>${x(`verdict unknown: depends on ${analysis.dependsOn ?? 'data the record lacks'}`)}</skipped>\n    </testcase>`;
  return `    <testcase ${attrs}/>`;
}

/** `items` are already prepared (cross-origin, redacted as asked): see prepareItems. */
export function junitReport(items: readonly ReportItem[], suiteName = 'CORS Lens'): string {
  const failures = items.filter((i) => i.analysis.verdict === 'blocked').length;
  const skipped = items.filter((i) => i.analysis.verdict === 'unknown').length;
  const counts = `tests="${items.length}" failures="${failures}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${a(suiteName)}" ${counts} time="0">`,
    `  <testsuite name="${a(suiteName)}" ${counts} skipped="${skipped}" time="0">`,
    ...items.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
