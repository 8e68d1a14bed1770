// The probe's evidence: which crafted origins the server accepted and with what credentials
// policy, then every request exactly as sent and the CORS headers that came back.
import { getHeader } from '../../core/headers';
import type { ProbeReport } from '../../core/audit/probe-types';

const KIND_LABEL: Record<string, string> = {
  page: 'page origin (baseline)',
  random: 'unrelated origin',
  null: 'null',
  prefixed: 'text before the host',
  suffixed: 'host + attacker domain',
  http: 'host over http',
  subdomain: 'subdomain',
};

export function ProbeResults({ report }: { report: ProbeReport }) {
  return (
    <>
      <table class="probe-origins">
        <thead>
          <tr>
            <th>Origin sent</th>
            <th>Kind</th>
            <th>Accepted</th>
            <th>Credentials</th>
          </tr>
        </thead>
        <tbody>
          {report.origins.map((o) => (
            <tr key={o.origin} class={o.accepted && o.kind !== 'page' ? 'probe-trusted' : ''}>
              <td><code>{o.origin}</code></td>
              <td>{KIND_LABEL[o.kind] ?? o.kind}</td>
              <td>{o.accepted ? 'yes' : o.wildcard ? '* (no credentials)' : 'no'}</td>
              <td>{o.accepted ? (o.credentials ? 'allowed' : 'not allowed') : '-'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details class="probe-sent">
        <summary>What was sent ({report.sent.length} of {report.planned} requests, no cookies, redirects not followed)</summary>
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>Request</th>
              <th>Status</th>
              <th>Access-Control-Allow-Origin</th>
              <th>-Credentials</th>
            </tr>
          </thead>
          <tbody>
            {report.sent.map(({ request, response, error }) => (
              <tr key={request.index}>
                <td>{request.index + 1}</td>
                <td>
                  <code>{request.method} {request.url}</code>
                  {request.headers.map((h) => (
                    <div key={h.name}>
                      <code>{h.name}: {h.value}</code>
                    </div>
                  ))}
                </td>
                <td>{error ?? (response ? (response.redirected ? `${response.status || 'redirect'} (not followed)` : response.status) : '')}</td>
                <td><code>{response ? (getHeader(response.headers, 'Access-Control-Allow-Origin') ?? '') : ''}</code></td>
                <td><code>{response ? (getHeader(response.headers, 'Access-Control-Allow-Credentials') ?? '') : ''}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
