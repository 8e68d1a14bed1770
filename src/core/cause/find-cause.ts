// The real cause behind one exchange's CORS failure, from the exchange, its analysis and what the
// rest of the recording shows (recording-context.ts). Pure and total, like the analyzer; it runs
// after analyzeExchange, never inside it, and changes nothing the analysis says.

import type { Analysis } from '../analysis';
import type { Exchange } from '../model';
import { cacheCause } from './cache-cause';
import type { Cause } from './cause';
import { loginRedirectCause } from './login-redirect';
import { networkCause } from './network-cause';
import { EMPTY_CONTEXT, type RecordingContext } from './recording-context';
import { statusCause } from './status-cause';

/**
 * Null when the exchange passed (an allowed 404 or 500 with CORS headers is the application's
 * business, not a CORS problem), is not a CORS request, or the record shows no other cause.
 */
export function findCause(exchange: Exchange, analysis: Analysis, context: RecordingContext = EMPTY_CONTEXT): Cause | null {
  if (analysis.verdict === 'allowed') return null;
  if (analysis.type !== 'simple' && analysis.type !== 'preflighted') return null;
  try {
    return networkCause(exchange, analysis) ?? loginRedirectCause(exchange, analysis) ?? statusCause(exchange, analysis, context) ?? cacheCause(exchange, analysis);
  } catch {
    // Never throw on odd records (the analyzer's promise, analyze.property.test.ts): no cause then.
    return null;
  }
}
