// Security findings (passive audit or probe): severity, what is wrong, what an attacker can do,
// and the fix. Every value is rendered as text: messages quote header values from servers.
import type { AuditFinding } from '../../core/audit/finding';
import { safeMdnHref } from './ReasonSection';

export function ProbeFindings({ findings }: { findings: readonly AuditFinding[] }) {
  return (
    <ul class="warnings probe-findings">
      {findings.map((f) => {
        const href = safeMdnHref(f.mdn);
        return (
          <li key={f.code} class={`warning sev-${f.severity}`} data-code={f.code}>
            <span class="severity">{f.severity}</span> <code>{f.code}</code> {f.message}
            <dl class="wording">
              <dt>Attack</dt>
              <dd>{f.attack}</dd>
              <dt>Fix</dt>
              <dd>{f.fix}</dd>
            </dl>
            {href && (
              <a href={href} target="_blank" rel="noreferrer noopener">
                MDN
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
