// "Copy as cURL" for the preflight and the request: reproduce without a browser.
import type { Analysis } from '../../core/analysis';
import type { Exchange } from '../../core/model';
import { preflightCurl, requestCurl } from '../../core/snippets/curl';
import { snippetInputFor } from '../../core/snippets/snippet-input-for';
import { CopyButton } from './CopyButton';

export function CurlSection({ exchange, analysis, redact }: { exchange: Exchange; analysis: Analysis; redact: boolean }) {
  const needsPreflight = analysis.type === 'preflighted' || exchange.preflights.length > 0;
  const preflight = needsPreflight ? preflightCurl(exchange, snippetInputFor(exchange, analysis).facts.requestHeaders, { redact }) : null;
  const request = requestCurl(exchange, { redact });
  return (
    <section>
      <h3>Reproduce</h3>
      <div class="curl-bar">
        {preflight && <CopyButton text={preflight} label="Copy preflight as cURL" />}
        <CopyButton text={request} label="Copy request as cURL" />
        {redact && <span class="muted">Cookies and credentials redacted</span>}
      </div>
    </section>
  );
}
