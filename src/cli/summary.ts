// The summary line under the table, in the panel's words: "3 blocked · 12 preflighted · 40 simple".

import type { AnalyzedExchange } from '../core/har/analyze-har';

export function summaryLine(exchanges: readonly AnalyzedExchange[]): string {
  const cross = exchanges.filter((x) => x.crossOrigin);
  const count = (pred: (x: AnalyzedExchange) => boolean): number => cross.filter(pred).length;
  const parts = [
    `${count((x) => x.analysis.verdict === 'blocked')} blocked`,
    `${count((x) => x.analysis.type === 'preflighted')} preflighted`,
    `${count((x) => x.analysis.type === 'simple')} simple`,
  ];
  const noCors = count((x) => x.analysis.type === 'no-cors');
  if (noCors > 0) parts.push(`${noCors} no-cors`);
  const unknown = count((x) => x.analysis.verdict === 'unknown');
  if (unknown > 0) parts.push(`${unknown} unknown`);
  parts.push(`${exchanges.length - cross.length} same-origin skipped`);
  return parts.join(' · ');
}
