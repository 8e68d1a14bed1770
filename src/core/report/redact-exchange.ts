// The report's privacy rule is the HAR export's (redact.ts): secret header values, cookie values
// and URL credentials are replaced unless the user asks to keep them. Applied to the exchange and
// to every text built from it (reason messages quote recorded URLs and values).

import type { Analysis, Reason } from '../analysis';
import type { Exchange, Header, RequestRecord, ResponseRecord } from '../model';
import { redactHeader, redactHeaders, redactUrl } from '../redact';

/** The same array when nothing changed, so rows without secrets cost no copy. */
export function mapSame<T>(items: readonly T[], fn: (item: T) => T): readonly T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const mapped = fn(item);
    if (mapped !== item) (out ??= items.slice(0, i)).push(mapped);
    else out?.push(item);
  }
  return out ?? items;
}

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
