// "Security" in the detail view: the passive audit of this exchange, and the opt-in active probe.
// The probe starts only on the user's click, says beforehand what it will send, shows progress
// with a Cancel button, and then what the server accepted and exactly what was sent.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { MAX_PROBE_REQUESTS } from '../../core/audit/probe-plan';
import type { RecordedExchange } from '../../core/protocol';
import { auditSelected } from '../probe-audit';
import { probeTargetOf, type ProbeController } from '../probe-store';
import { ProbeFindings } from './ProbeFindings';
import { ProbeResults } from './ProbeResults';

function useProbeReport(controller: ProbeController, entry: RecordedExchange) {
  const target = useMemo(() => probeTargetOf(entry.exchange), [entry]);
  const [report, setReport] = useState(() => (target ? controller.report(target) : undefined));
  useEffect(() => {
    const read = (): void => setReport(target ? controller.report(target) : undefined);
    read();
    return controller.subscribe(read);
  }, [controller, target]);
  return { target, report };
}

export function ProbeSection({ entry, controller }: { entry: RecordedExchange; controller: ProbeController }) {
  const findings = useMemo(() => auditSelected(entry, controller.entries()), [entry, controller]);
  const { target, report } = useProbeReport(controller, entry);
  const running = report?.state === 'running';
  return (
    <section class="probe">
      <h3>Security</h3>
      {findings.length > 0 ? <ProbeFindings findings={findings} /> : <p class="muted">The recorded answers show no risky CORS policy.</p>}
      {target && (
        <div class="probe-run">
          <p class="muted">
            Probe sends at most {MAX_PROBE_REQUESTS} requests (4 per second) to this one URL, each with a crafted Origin (an unrelated site, null, and look-alike,
            plain-http and subdomain variants of <code>{target.pageOrigin}</code> where they apply), as a preflight and as a GET, without cookies, never following
            redirects.
          </p>
          {running ? (
            <button type="button" onClick={() => controller.cancel()}>
              Cancel probe ({report.sent.length}/{report.planned || MAX_PROBE_REQUESTS})
            </button>
          ) : (
            <button type="button" onClick={() => controller.start(target)}>
              Probe this endpoint
            </button>
          )}
        </div>
      )}
      {report && report.state !== 'running' && report.error && <p class="fix-note">{report.error}</p>}
      {report && report.sent.length > 0 && (
        <div class="probe-report" data-state={report.state}>
          <p>
            Result{report.state === 'cancelled' ? ' (cancelled)' : report.state === 'running' ? ' so far' : ''}:{' '}
            <strong>{report.classification.join(', ')}</strong>
          </p>
          {report.findings.length > 0 && <ProbeFindings findings={report.findings} />}
          <ProbeResults report={report} />
        </div>
      )}
    </section>
  );
}
