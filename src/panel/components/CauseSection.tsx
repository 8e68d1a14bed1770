// The real cause, first in the detail view: one sentence, the evidence, and the fix for that
// cause (src/core/cause). The browser's own CORS reason follows it, unchanged.
import type { Cause } from '../../core/cause/cause';

export function CauseSection({ cause }: { cause: Cause }) {
  return (
    <section class="cause" data-cause={cause.code}>
      <h3>What really happened</h3>
      <p class="cause-message">
        <span class="cause-tag">{cause.tag}</span> {cause.message}
      </p>
      <p class="cause-fix">
        <strong>Fix:</strong> {cause.fix}
      </p>
      <ul class="cause-evidence">
        {cause.evidence.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </section>
  );
}
