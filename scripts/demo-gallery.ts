// The demo site's gallery page (`npm start`): cards for a mix of simple, preflighted and blocked
// calls of every kind, fired one after another on load through the scenario runner, each card
// showing what the page itself saw. The CORS panel then explains every one of them.

import { scenarioById } from '../test/scenarios/catalogue';

/** One of each kind: simple, credentialed, preflighted, safelist edge cases, redirects, no-cors. */
export const DEMO_SCENARIOS = [
  'simple-get-exact-origin',
  'simple-get-wildcard',
  'simple-get-missing-allow-origin',
  'simple-get-origin-trailing-slash',
  'simple-get-origin-duplicate-lines',
  'simple-get-echo-no-vary',
  'simple-post-form',
  'xhr-get-allowed',
  'credentials-exact-origin-true',
  'credentials-wildcard-origin',
  'credentials-allow-credentials-uppercase',
  'preflight-put-allowed',
  'preflight-status-404',
  'preflight-redirect-302',
  'preflight-method-lowercase',
  'preflight-header-not-allowed',
  'preflight-headers-wildcard-authorization',
  'preflight-json-content-type',
  'preflight-max-age-cached',
  'safelist-accept-language-129',
  'safelist-range-suffix',
  'redirect-same-origin-allowed',
  'redirect-cross-origin-null-origin-mismatch',
  'redirect-cross-origin-allow-null',
  'no-cors-img',
  'img-crossorigin-missing-allow-origin',
] as const;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function galleryHtml(): string {
  const cards = DEMO_SCENARIOS.map((id) => {
    const s = scenarioById(id);
    if (!s) throw new Error(`demo lists unknown scenario ${id}`);
    return `<li class="card" id="card-${id}"><code>${escapeHtml(id)}</code><p>${escapeHtml(s.description)}</p><span class="badge pending">pending</span></li>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CORS Lens demo</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1f2328; }
  h1 { margin: 0 0 .25rem; } .lead { color: #59636e; margin: 0 0 1.5rem; }
  ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: .75rem; }
  .card { border: 1px solid #d1d9e0; border-radius: 8px; padding: .75rem; }
  .card p { margin: .4rem 0; color: #59636e; }
  .badge { font-size: 12px; padding: 1px 8px; border-radius: 10px; background: #eef1f4; }
  .resolved { background: #dafbe1; color: #1a7f37; } .threw { background: #ffebe9; color: #d1242f; }
</style></head>
<body>
<h1>CORS Lens demo</h1>
<p class="lead">This page (one origin) calls an API on another origin in ${DEMO_SCENARIOS.length} ways. Open DevTools &rarr; <b>CORS</b> to see why each call passed or was blocked.</p>
<ul>
${cards}
</ul>
<script src="/runner.js"></script>
<script>
window.demoDone = (async () => {
  for (const id of ${JSON.stringify(DEMO_SCENARIOS)}) {
    const r = await window.runScenario(id);
    const badge = document.querySelector('#card-' + id + ' .badge');
    badge.className = 'badge ' + r.outcome;
    badge.textContent = r.outcome === 'resolved' ? 'resolved' + (r.status ? ' ' + r.status : '') : 'threw';
  }
  return true;
})();
</script>
</body></html>
`;
}
