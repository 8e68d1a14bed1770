// Hand-built exchanges and analyses for the panel's tests and bench (the analyzer is tested on
// its own; the panel only displays what it is given).
import type { Analysis, Reason, Warning } from '../../src/core/analysis';
import type { Header } from '../../src/core/model';
import type { BackgroundUpdate, PageGroup, RecordedExchange, TabLogSummary } from '../../src/core/protocol';
import { backgroundMessage } from '../../src/core/protocol';
import { EMPTY_SUMMARY } from '../../src/panel/state/panel-state';

export const PAGE: PageGroup = { id: 1, url: 'https://app.test/', startedAt: 0 };

export function reason(over: Partial<Reason> = {}): Reason {
  return {
    code: 'missing-allow-origin',
    chromeCorsError: 'MissingAllowOriginHeader',
    failedParameter: '',
    firefoxError: 'CORSMissingAllowOrigin',
    message: 'The response has no Access-Control-Allow-Origin header.',
    mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/CORSMissingAllowOrigin',
    stage: 'response',
    hop: 0,
    header: 'Access-Control-Allow-Origin',
    ...over,
  };
}

export function warning(over: Partial<Warning> = {}): Warning {
  return { code: 'no-vary-origin', severity: 'medium', message: 'Origin echoed without Vary: Origin.', header: 'Vary', ...over };
}

export interface RowSpec {
  id?: string;
  seq?: number;
  pageId?: number;
  method?: string;
  url?: string;
  origin?: string | null;
  status?: number;
  startedAt?: number;
  requestHeaders?: Header[];
  responseHeaders?: Header[];
  preflight?: { request: Header[]; status: number; response: Header[] };
  analysis?: Partial<Analysis>;
}

export function recorded(spec: RowSpec = {}): RecordedExchange {
  const id = spec.id ?? 'r1';
  const url = spec.url ?? `https://api.test/items/${id}`;
  const method = spec.method ?? 'GET';
  const analysis: Analysis = {
    type: 'simple',
    verdict: 'allowed',
    reasons: [],
    fix: { preflight: null, preflightStatus: null, response: null },
    warnings: [],
    credentials: 'omit-or-same-origin',
    requestOrigin: spec.origin === undefined ? 'https://app.test' : spec.origin,
    ...spec.analysis,
  };
  return {
    seq: spec.seq ?? 1,
    pageId: spec.pageId ?? PAGE.id,
    analysis,
    exchange: {
      id,
      initiatorOrigin: spec.origin === undefined ? 'https://app.test' : spec.origin,
      startedAt: spec.startedAt ?? 0,
      hops: [
        {
          request: { method, url, headers: spec.requestHeaders ?? [{ name: 'Origin', value: 'https://app.test' }] },
          response: { status: spec.status ?? 200, headers: spec.responseHeaders ?? [] },
        },
      ],
      preflights: spec.preflight
        ? [
            {
              request: { method: 'OPTIONS', url, headers: spec.preflight.request },
              response: { status: spec.preflight.status, headers: spec.preflight.response },
            },
          ]
        : [],
    },
  };
}

export function blocked(spec: RowSpec = {}): RecordedExchange {
  return recorded({
    ...spec,
    analysis: {
      verdict: 'blocked',
      reasons: [reason()],
      fix: { preflight: null, preflightStatus: null, response: [{ name: 'Access-Control-Allow-Origin', value: 'https://app.test' }] },
      ...spec.analysis,
    },
  });
}

export function summary(over: Partial<TabLogSummary> = {}): TabLogSummary {
  return { ...EMPTY_SUMMARY, ...over };
}

export const bg = backgroundMessage;

export function snapshot(exchanges: RecordedExchange[], pages: PageGroup[] = [PAGE], sum: TabLogSummary = summary()): BackgroundUpdate {
  return bg('snapshot', { tabId: 7, pages, exchanges, summary: sum });
}

/** `n` rows, a mix of every type and verdict, for list and bench tests. */
export function manyRows(n: number): RecordedExchange[] {
  const rows: RecordedExchange[] = [];
  for (let i = 0; i < n; i++) {
    const spec: RowSpec = { id: `x${i}`, seq: i + 1, startedAt: i, url: `https://api${i % 7}.test/v1/items/${i}`, method: ['GET', 'PUT', 'POST', 'DELETE'][i % 4] ?? 'GET' };
    if (i % 5 === 0) rows.push(blocked(spec));
    else if (i % 5 === 1) rows.push(recorded({ ...spec, analysis: { type: 'preflighted' } }));
    else if (i % 5 === 2) rows.push(recorded({ ...spec, analysis: { warnings: [warning()] } }));
    else if (i % 5 === 3) rows.push(recorded({ ...spec, analysis: { type: 'no-cors' } }));
    else rows.push(recorded(spec));
  }
  return rows;
}
