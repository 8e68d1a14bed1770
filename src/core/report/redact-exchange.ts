// The report's privacy rule is the HAR export's (redact.ts): secret header values, cookie values
// and URL credentials are replaced unless the user asks to keep them. Applied to the exchange and
// to every text built from it (reason messages quote recorded URLs and values).

import type { Analysis, Reason } from '../analysis';
import type { Exchange, Hop, Preflight } from '../model';
import { redactHeaders, redactUrl } from '../redact';

function redactHop<T extends Hop | Preflight>(hop: T): T {
  return {
    ...hop,
    request: { ...hop.request, url: redactUrl(hop.request.url), headers: redactHeaders(hop.request.headers) },
    ...(hop.response ? { response: { ...hop.response, headers: redactHeaders(hop.response.headers) } } : {}),
  };
}

export function redactExchange(exchange: Exchange): Exchange {
  return {
    ...exchange,
    hops: exchange.hops.map(redactHop),
    preflights: exchange.preflights.map(redactHop),
    ...(exchange.documentUrl !== undefined ? { documentUrl: redactUrl(exchange.documentUrl) } : {}),
  };
}

const redactReason = (reason: Reason): Reason => ({ ...reason, message: redactUrl(reason.message), failedParameter: redactUrl(reason.failedParameter) });

export function redactAnalysis(analysis: Analysis): Analysis {
  const { fix } = analysis;
  return {
    ...analysis,
    reasons: analysis.reasons.map(redactReason),
    warnings: analysis.warnings.map((w) => ({ ...w, message: redactUrl(w.message) })),
    fix: {
      ...fix,
      preflight: fix.preflight && redactHeaders(fix.preflight),
      response: fix.response && redactHeaders(fix.response),
      ...(fix.note !== undefined ? { note: redactUrl(fix.note) } : {}),
    },
  };
}
