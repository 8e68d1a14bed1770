// Ready-to-paste configuration for the common servers, generated from this exchange's fix, or from
// its real cause when there is one (src/core/cause/cause-config.ts).
import { useMemo, useState } from 'preact/hooks';
import type { Analysis } from '../../core/analysis';
import type { Exchange } from '../../core/model';
import type { Cause } from '../../core/cause/cause';
import { causeConfig } from '../../core/cause/cause-config';
import { NOT_PROVEN, SNIPPETS } from '../../core/snippets/registry';
import { snippetInputFor } from '../../core/snippets/snippet-input-for';
import { CopyButton } from './CopyButton';

export function ServerSnippets({ exchange, analysis, cause }: { exchange: Exchange; analysis: Analysis; cause?: Cause | null }) {
  const [id, setId] = useState(SNIPPETS[0]?.id ?? 'express');
  const snippet = SNIPPETS.find((s) => s.id === id) ?? SNIPPETS[0];
  const { text, caveat } = useMemo(() => {
    if (!snippet) return { text: '', caveat: null };
    const input = snippetInputFor(exchange, analysis);
    return { text: (cause ? causeConfig(cause, snippet.id, input) : null) ?? snippet.render(input), caveat: snippet.caveat?.(input) ?? null };
  }, [snippet, exchange, analysis, cause]);
  if (!snippet) return null;
  return (
    <section>
      <h3>{cause ? `Server configuration for this cause` : 'Server configuration'}</h3>
      <div class="snippet-bar">
        <label>
          Server{' '}
          <select value={id} onChange={(e) => setId((e.currentTarget as HTMLSelectElement).value)} aria-label="Server">
            {SNIPPETS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <CopyButton text={text} label="Copy config" />
      </div>
      {!snippet.provenOnServer && <p class="snippet-unproven">{NOT_PROVEN}</p>}
      {caveat && <p class="snippet-caveat">{caveat}</p>}
      <pre class={`code lang-${snippet.language}`} data-snippet={snippet.id}>
        {text}
      </pre>
    </section>
  );
}
