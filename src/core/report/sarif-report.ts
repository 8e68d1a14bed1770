// SARIF 2.1.0 for code-scanning dashboards: one result per blocked exchange, its rule the reason
// code (with the MDN page as help), the message the reason and the fix. Checked against the
// SARIF 2.1.0 JSON schema in sarif-report.test.ts.

import type { Reason } from '../analysis';
import { fixText, reasonText } from './fix-text';
import type { ReportItem } from './report-model';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF's artifactLocation.uri must be a URI reference; a recorded URL that does not parse is left out. */
function artifactUri(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

function rulesOf(items: readonly ReportItem[]): Reason[] {
  const byCode = new Map<string, Reason>();
  for (const item of items) for (const r of item.analysis.reasons.slice(0, 1)) if (!byCode.has(r.code)) byCode.set(r.code, r);
  return [...byCode.values()];
}

function result(item: ReportItem, ruleIndex: Map<string, number>): Record<string, unknown> {
  const { exchange, analysis } = item;
  const reason = analysis.reasons[0];
  const first = exchange.hops[0];
  const url = first?.request.url ?? '';
  const uri = artifactUri(url);
  const text = [`${first?.request.method ?? ''} ${url} from ${exchange.initiatorOrigin ?? 'an unknown origin'} was blocked: ${reason ? reasonText(reason) : 'blocked'}`, ...fixText(analysis.fix)].join('\n');
  return {
    ruleId: reason?.code ?? 'browser-reported-error',
    ...(reason ? { ruleIndex: ruleIndex.get(reason.code) } : {}),
    level: 'error',
    message: { text },
    ...(uri ? { locations: [{ physicalLocation: { artifactLocation: { uri } } }] } : {}),
    properties: {
      method: first?.request.method ?? '',
      url,
      initiatorOrigin: exchange.initiatorOrigin,
      reasons: analysis.reasons.map((r) => ({ code: r.code, chromeCorsError: r.chromeCorsError, firefoxError: r.firefoxError, failedParameter: r.failedParameter, message: r.message })),
      fix: analysis.fix,
    },
  };
}

/** `items` are already prepared (cross-origin, redacted as asked): see prepareItems. */
export function sarifReport(items: readonly ReportItem[], toolVersion: string): string {
  const blocked = items.filter((i) => i.analysis.verdict === 'blocked');
  const rules = rulesOf(blocked);
  const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'CORS Lens',
            version: toolVersion,
            rules: rules.map((r) => ({ id: r.code, shortDescription: { text: r.code.replace(/-/g, ' ') }, ...(r.mdn.startsWith('https://') ? { helpUri: r.mdn } : {}) })),
          },
        },
        results: blocked.map((item) => result(item, ruleIndex)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
