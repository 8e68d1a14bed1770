// Why: the reason in plain words, and how Chrome and Firefox word the same error.
import type { Analysis, Reason } from '../../core/analysis';

const MDN = 'https://developer.mozilla.org/';

/** Links come from the analyzer, but an imported HAR must never smuggle a javascript: URL into an href. */
export function safeMdnHref(url: string | undefined): string | null {
  return url && url.startsWith(MDN) ? url : null;
}

function ReasonItem({ reason }: { reason: Reason }) {
  const href = safeMdnHref(reason.mdn);
  return (
    <li class="reason">
      <p class="reason-message">{reason.message}</p>
      <dl class="wording">
        <dt>Chrome</dt>
        <dd>
          <code>{reason.chromeCorsError}</code>
          {reason.failedParameter !== '' && <span> (failed parameter: <code>{reason.failedParameter}</code>)</span>}
        </dd>
        <dt>Firefox</dt>
        <dd>
          <code>{reason.firefoxError}</code>
        </dd>
      </dl>
      {href && (
        <a href={href} target="_blank" rel="noreferrer noopener">
          MDN: {reason.firefoxError || 'CORS errors'}
        </a>
      )}
    </li>
  );
}

export function ReasonSection({ analysis, browserReason = false }: { analysis: Analysis; browserReason?: boolean }) {
  if (analysis.reasons.length === 0 && analysis.verdict !== 'unknown') return null;
  return (
    <section>
      <h3>Why</h3>
      {browserReason && <p class="muted browser-reason">The browser's own CORS reason, unchanged:</p>}
      {analysis.verdict === 'unknown' && analysis.likely && (
        <p class="reason-message likely">
          <strong>Likely {analysis.likely}.</strong> {analysis.likelyBecause}
        </p>
      )}
      {analysis.verdict === 'unknown' && <p class="reason-message">Undecided: {analysis.dependsOn ?? 'not enough data.'}</p>}
      <ul class="reasons">
        {analysis.reasons.map((r, i) => (
          <ReasonItem key={i} reason={r} />
        ))}
      </ul>
    </section>
  );
}

export function WarningsSection({ analysis }: { analysis: Analysis }) {
  if (analysis.warnings.length === 0) return null;
  return (
    <section>
      <h3>Warnings</h3>
      <ul class="warnings">
        {analysis.warnings.map((w, i) => {
          const href = safeMdnHref(w.mdn);
          return (
            <li key={i} class={`warning sev-${w.severity}`}>
              <span class="severity">{w.severity}</span> {w.message}
              {href && (
                <>
                  {' '}
                  <a href={href} target="_blank" rel="noreferrer noopener">
                    MDN
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
