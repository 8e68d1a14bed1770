// The report's privacy rule is the HAR export's (redact.ts): secret header values, cookie values
// and URL credentials are replaced unless the user asks to keep them. Applied to the exchange and
// to every text built from it (reason messages quote recorded URLs and values).

import type { Analysis, Fix, Reason, Warning } from '../analysis';
import type { Exchange, Header, RequestRecord, ResponseRecord } from '../model';
import { mapSame, redactHeader, redactHeaders, redactUrl } from '../redact';

/** A hop, preflight or the recorder's pending hop: what redaction reads of each. */
interface HopLike {
  readonly request: RequestRecord;
  readonly response?: ResponseRecord;
}

/** The hop with its URL redacted and each header through `header`; the same hop when nothing changed. */
export function redactHopWith<T extends HopLike>(hop: T, header: (h: Header) => Header): T {
  const url = redactUrl(hop.request.url);
  const headers = mapSame(hop.request.headers, header);
  const responseHeaders = hop.response ? mapSame(hop.response.headers, header) : undefined;
  if (url === hop.request.url && headers === hop.request.headers && responseHeaders === hop.response?.headers) return hop;
  return {
    ...hop,
    request: { ...hop.request, url, headers },
    ...(hop.response && responseHeaders ? { response: { ...hop.response, headers: responseHeaders } } : {}),
  };
}

/** The exchange with every URL redacted and each header through `header`; the same exchange when nothing changed. */
export function redactExchangeWith(exchange: Exchange, header: (h: Header) => Header): Exchange {
  const hops = mapSame(exchange.hops, (h) => redactHopWith(h, header));
  const preflights = mapSame(exchange.preflights, (p) => redactHopWith(p, header));
  const documentUrl = exchange.documentUrl === undefined ? undefined : redactUrl(exchange.documentUrl);
  if (hops === exchange.hops && preflights === exchange.preflights && documentUrl === exchange.documentUrl) return exchange;
  return { ...exchange, hops, preflights, ...(documentUrl !== undefined ? { documentUrl } : {}) };
}

/** The export's redaction (redact.ts); the same exchange when it holds no secret. */
export function redactExchange(exchange: Exchange): Exchange {
  return redactExchangeWith(exchange, redactHeader);
}

function redactReason(reason: Reason): Reason {
  const message = redactUrl(reason.message);
  const failedParameter = redactUrl(reason.failedParameter);
  return message === reason.message && failedParameter === reason.failedParameter ? reason : { ...reason, message, failedParameter };
}

function redactWarning(warning: Warning): Warning {
  const message = redactUrl(warning.message);
  return message === warning.message ? warning : { ...warning, message };
}

function redactFix(fix: Fix): Fix {
  const preflight = fix.preflight && redactHeaders(fix.preflight);
  const response = fix.response && redactHeaders(fix.response);
  const note = fix.note === undefined ? undefined : redactUrl(fix.note);
  if (preflight === fix.preflight && response === fix.response && note === fix.note) return fix;
  return { ...fix, preflight, response, ...(note !== undefined ? { note } : {}) };
}

/** The analysis with every recorded URL and secret value in its texts redacted; the same analysis when none was. */
export function redactAnalysis(analysis: Analysis): Analysis {
  const reasons = mapSame(analysis.reasons, redactReason);
  const warnings = mapSame(analysis.warnings, redactWarning);
  const fix = redactFix(analysis.fix);
  if (reasons === analysis.reasons && warnings === analysis.warnings && fix === analysis.fix) return analysis;
  return { ...analysis, reasons, warnings, fix };
}
