// The suggested fix: the exact headers to add, the preflight status, or what to change instead.
import type { Fix } from '../../core/analysis';
import type { Header } from '../../core/model';
import { CopyButton } from './CopyButton';

const asText = (headers: readonly Header[]): string => headers.map((h) => `${h.name}: ${h.value}`).join('\n');

function HeaderSet({ title, headers }: { title: string; headers: readonly Header[] }) {
  return (
    <div class="fix-set">
      <h4>{title}</h4>
      <pre class="code">{asText(headers)}</pre>
      <CopyButton text={asText(headers)} label="Copy headers" />
    </div>
  );
}

export function hasFix(fix: Fix): boolean {
  return fix.preflight !== null || fix.response !== null || fix.preflightStatus !== null || fix.note !== undefined;
}

export function FixSection({ fix }: { fix: Fix }) {
  if (!hasFix(fix)) return null;
  return (
    <section>
      <h3>Suggested fix</h3>
      {fix.note !== undefined && <p class="fix-note">{fix.note}</p>}
      {fix.preflightStatus !== null && (
        <p>
          Answer the preflight (OPTIONS) with status <strong>{fix.preflightStatus}</strong>: any 2xx passes, a redirect or an error never does.
        </p>
      )}
      {fix.preflight && fix.preflight.length > 0 && <HeaderSet title="The preflight (OPTIONS) response must carry" headers={fix.preflight} />}
      {fix.response && fix.response.length > 0 && <HeaderSet title="The actual response must carry" headers={fix.response} />}
    </section>
  );
}
