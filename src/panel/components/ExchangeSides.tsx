// The request, its preflight and every response hop side by side, with the header at fault
// highlighted where the failing check was applied (Reason.stage / Reason.hop).
import type { Reason } from '../../core/analysis';
import type { Exchange, RequestRecord, ResponseRecord } from '../../core/model';
import { HeaderTable } from './HeaderTable';

const requestLine = (r: RequestRecord): string => `${r.method} ${r.url}`;
const responseLine = (r: ResponseRecord | undefined, error: string | undefined): string =>
  r ? `${r.status} ${r.statusText ?? ''}`.trim() : error ? `No response (${error})` : 'No response';

export function ExchangeSides({ exchange, reason }: { exchange: Exchange; reason: Reason | undefined }) {
  const at = reason?.header.toLowerCase() ?? '';
  const preflightAtFault = (i: number): boolean => reason?.stage === 'preflight' && Math.min(reason.hop, exchange.preflights.length - 1) === i;
  const hopAtFault = (i: number): boolean => reason !== undefined && reason.stage !== 'preflight' && reason.hop === i;
  const last = exchange.hops.length - 1;
  return (
    <div class="sides">
      {exchange.preflights.map((p, i) => (
        <div class="side-pair" key={`p${i}`}>
          <HeaderTable title={`Preflight request${exchange.preflights.length > 1 ? ` ${i + 1}` : ''}`} line={requestLine(p.request)} headers={p.request.headers} highlight={preflightAtFault(i) ? at : ''} />
          <HeaderTable
            title="Preflight response"
            line={responseLine(p.response, p.error)}
            headers={p.response?.headers ?? []}
            highlight={preflightAtFault(i) ? at : ''}
            showMissing={preflightAtFault(i) && p.response !== undefined}
          />
        </div>
      ))}
      {exchange.hops.map((hop, i) => (
        <div class="side-pair" key={`h${i}`}>
          <HeaderTable title={exchange.hops.length > 1 ? `Request (hop ${i + 1})` : 'Request'} line={requestLine(hop.request)} headers={hop.request.headers} highlight={hopAtFault(i) ? at : ''} />
          <HeaderTable
            title={i < last ? `Redirect response (hop ${i + 1})` : 'Response'}
            line={responseLine(hop.response, i === last ? exchange.error : undefined)}
            headers={hop.response?.headers ?? []}
            highlight={hopAtFault(i) ? at : ''}
            showMissing={hopAtFault(i) && hop.response !== undefined}
          />
        </div>
      ))}
    </div>
  );
}
