// The store listings, field by field, each with the limit of the form it is pasted into.
// `npm run package` writes them to extension/store/chrome-listing.md and amo-listing.md, and
// listings.test.ts checks every field against its limit and every manifest permission against the
// justifications of both stores. Limits: name 75 (Chrome) and 50 (AMO), MDN's manifest `name` page;
// summary 132, the manifest `description` Chrome shows as the summary; AMO's summary 250; Chrome's
// description 16,000 and privacy-tab fields 1,000, the dashboard's own counters. Where a store
// publishes no limit, `limit` is a cap we keep to and `limitNote` says so.

/** Where PRIVACY.md sits relative to extension/store/, and what to paste into the stores' URL fields. */
const PRIVACY = '[PRIVACY.md](../../PRIVACY.md) (its public URL: RELEASING.md, "Before the first submission")';

const SUMMARY = 'Explains every cross-origin request in DevTools: simple, preflighted or blocked, exactly why, and the server fix.';

/** Why each manifest permission is there: the same words in both listings. */
export const PERMISSION_JUSTIFICATIONS = {
  webRequest:
    'Reads the request and response headers of the cross-origin requests made by the tab being inspected in DevTools, to tell whether each one was simple, preflighted or blocked by CORS and why. Listeners exist only while DevTools (or the extension\'s panel) is open on a tab and are filtered to that tab; with DevTools closed the extension registers none, unless the user turns on "Record all tabs" in the panel\'s settings. webRequest is used to observe only: it never blocks or changes a request.',
  declarativeNetRequestWithHostAccess:
    'Two features, each started by a click in the panel and nothing else. "Try this fix": session rules set the suggested CORS response headers on one URL, for one method, in one tab, so the developer sees whether the server fix would work; a red banner shows while any rule is active, and rules go on "Remove", when DevTools closes and when the extension restarts. "Probe this endpoint": a session rule sets the crafted Origin header on the extension\'s own few test requests to one URL (tabId -1, initiated by the extension itself) and is removed after each request. No static or dynamic rules; nothing persists.',
  storage:
    'storage.local keeps one setting (the "Record all tabs" switch). storage.session remembers which tabs are being inspected while the browser runs, so recording survives the background worker being stopped and restarted.',
  unlimitedStorage:
    'The recorded exchanges are kept in the extension\'s IndexedDB so a restarted background worker can hand the panel the same log. A tab at its 5,000-exchange cap takes about 10 to 25 MB, and "Record all tabs" keeps one log per tab; unlimitedStorage keeps the browser from evicting that log or refusing writes under its default quota. The database is wiped when a new browser session starts.',
  '<all_urls>':
    'CORS problems happen between any two origins the developer works on (localhost, staging, production APIs), so the extension must see the headers of requests to any host. The host permission lets webRequest report those headers and lets the declarativeNetRequest rules above apply to the one URL the developer picked. Nothing is injected into pages: the extension has no content scripts.',
};

const DESCRIPTION = `CORS Lens is a DevTools panel for the moment the browser says "blocked by CORS policy".

Open DevTools on your page and pick the CORS tab. Every cross-origin request the page makes is listed with its verdict: simple, preflighted or blocked, and why, in Chrome's and Firefox's own words, with the header at fault highlighted.

• Exchanges: method, URL, initiator, type, verdict, status and the one-line reason; blocked ones in red. Filter like the Network panel.
• Details: the request, its preflight and every response hop side by side, the reason with a link to MDN, warnings, and the minimal server change that fixes it, with ready-to-paste configuration for Express, Fastify, Koa, nginx, Apache, Caddy, Django, FastAPI, Flask, Spring, ASP.NET Core, Go and S3.
• When CORS is only the symptom: a 502 without CORS headers, a 429, a preflight answered with 401 or 404, a login redirect, no response at all. The detail view leads with that cause and its fix.
• Problems: each problem listed once (one cause at one endpoint), with how many requests it affects.
• Security: what is risky in the server's policy as recorded (origin echoed with credentials, null allowed, no Vary: Origin…).
• Try this fix: one click sets exactly the suggested response headers for that one request, in that tab only, and sends it again: "before: blocked → after: allowed", decided by the browser. A red banner shows while an override is active; Remove, or closing DevTools, takes it away.
• Export report: one self-contained HTML page for the server team. Export HAR / Import HAR: HAR 1.2 files with the analysis; cookies and credentials are redacted unless you ask otherwise.

Privacy: CORS Lens records a tab only while DevTools is open on it, keeps what it records in the browser (wiped when the browser session ends) and sends nothing anywhere on its own. The privacy policy is PRIVACY.md in the source repository.

Open source (MIT). The same analyzer runs as a command line on HAR files: npx cors-lens analyze recording.har.`;

const DEMO_STEPS = `How to see every feature (about five minutes), from the source package:
1. npm ci, then npm start: builds the extension, starts a demo site on two loopback origins and opens Chromium with the extension and DevTools. Choose the CORS tab: 27 calls, 13 blocked.
   In Firefox: npm run build, then npm run demo-site (prints the demo page's URL); about:debugging → Load Temporary Add-on → extension/firefox/manifest.json; open the demo page, open DevTools → CORS (the temporary install also opens the panel in a tab of its own).
2. Click a red row: why it was blocked, the fix, the server configuration. The PUT to /api/preflight-status-404 shows a real cause ("OPTIONS 404 · no OPTIONS route").
3. Problems (beside Exchanges): each problem once. Security findings are grouped there too.
4. Open the GET to /api/preflight-header-not-allowed and click "Try this fix": the red banner appears, the request runs again and shows "before: blocked → after: allowed". Click Remove.
5. In any exchange's details, the Security section's "Probe this endpoint" sends a few requests with crafted Origin values to that one URL, only on click.
6. Export report, Export HAR, Import HAR are in the toolbar.`;

const TRY_THIS_FIX = `About "Try this fix" and AMO's policy on security headers: it does not relax a page's security. It adds the CORS response headers the panel suggests (Access-Control-Allow-Origin, -Methods, -Headers, -Credentials, -Max-Age, Vary) to the responses of one URL, for one method, in one tab, only after the developer clicks the button in DevTools, to show whether the server fix they are about to make would work. It never removes or weakens Content-Security-Policy, X-Frame-Options, HSTS or any other header, never applies to another tab, URL or method, uses session rules only (nothing persists), shows a red banner with Remove and Remove all while any rule is active, and every rule goes when DevTools closes or the extension restarts.`;

const LINT_NOTES = `web-ext lint: 0 errors. Two warnings, both explained:
• UNSAFE_VAR_ASSIGNMENT "Unsafe assignment to innerHTML" in assets/panel-*.js is inside Preact's own renderer (its support for dangerouslySetInnerHTML). CORS Lens never uses dangerouslySetInnerHTML (src/ has none); every header value is rendered as text.
• KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION: data_collection_permissions needs Firefox for Android 142. CORS Lens is a DevTools extension, which Firefox for Android cannot run, so the manifest has no gecko_android key and this version is not offered for Android (untick it at upload).`;

const SOURCE_NOTES = `Source code: the panel, background and devtools page are bundled by Vite (not minified: minify is off; Preact ships minified in its npm package). cors-lens-source.zip is the repository at the submitted commit (git archive) plus REVIEWERS.md with the exact environment and commands; npm ci && npm run build-for-amo rebuilds extension/cors-lens-firefox.zip byte for byte (a test checks it on every CI run).`;

const FLOORS = `Minimum versions: Firefox 140 (strict_min_version), the first with data_collection_permissions; every API the code uses is older (storage.session 115, URL.canParse 115, declarativeNetRequest session rules 113). Chrome 120 (minimum_chrome_version), the first with URL.canParse (HAR import and export); the rest is older (storage.session 102, the initiatorDomains rule condition 101).`;

const PERMISSIONS_TEXT = Object.entries(PERMISSION_JUSTIFICATIONS)
  .map(([name, why]) => `• ${name}: ${why}`)
  .join('\n');

// Each field: { field, text, limit?, limitNote? } (listings.d.mts). `limit` is in characters
// (string length, as the forms count); absent for a choice from a list.
export const CHROME_LISTING = [
  { field: 'Name', text: 'CORS Lens', limit: 75 },
  { field: 'Summary (the manifest description)', text: SUMMARY, limit: 132 },
  { field: 'Description', text: DESCRIPTION, limit: 16_000 },
  { field: 'Category', text: 'Developer Tools' },
  { field: 'Language', text: 'English' },
  { field: 'Privacy policy', text: PRIVACY },
  { field: 'Single purpose', text: 'CORS Lens explains cross-origin (CORS) requests in DevTools: for each request of the inspected tab it says whether it was simple, preflighted or blocked, why, and the server change that fixes it.', limit: 1_000 },
  ...Object.entries(PERMISSION_JUSTIFICATIONS).map(([name, why]) => ({ field: `Permission justification: ${name}`, text: why, limit: 1_000 })),
  { field: 'Remote code', text: 'No, I am not using remote code. Every script is in the package; the extension loads nothing from the network and evaluates no strings.', limit: 1_000 },
  {
    field: 'Data usage: what user data is collected',
    text: 'Tick: Web history (URLs of the inspected tab\'s cross-origin requests), Website content (their HTTP headers), Authentication information (Cookie and Authorization headers among them). All of it is handled on the device only, to show it in DevTools; none of it is sent to the developer or anyone else. Nothing else is handled.',
  },
  {
    field: 'Data usage: certifications',
    text: 'Certify all three: the data is not sold or transferred to third parties outside the approved use cases; not used or transferred for purposes unrelated to the single purpose; not used or transferred to determine creditworthiness or for lending.',
  },
  { field: 'Test instructions for the reviewer', text: `${DEMO_STEPS}\n\n${TRY_THIS_FIX}`, limit: 5_000, limitNote: 'no published limit; a cap we keep to' },
];

export const AMO_LISTING = [
  { field: 'Name', text: 'CORS Lens', limit: 50 },
  { field: 'Summary', text: `${SUMMARY} Same analysis on HAR files from the command line.`, limit: 250 },
  { field: 'Description', text: DESCRIPTION, limit: 15_000, limitNote: 'no published limit found; a cap we keep to' },
  { field: 'Categories', text: 'Web Development' },
  { field: 'License', text: 'MIT License' },
  { field: 'Privacy policy', text: PRIVACY },
  { field: 'Compatibility', text: 'Firefox (140 and later). Not Firefox for Android: DevTools extensions do not run there.' },
  { field: 'Data collection (data_collection_permissions)', text: 'none: the manifest declares required ["none"]; the extension transmits no data.' },
  { field: 'Source code', text: 'Yes: upload cors-lens-source.zip (the code is bundled by Vite). Build instructions: REVIEWERS.md inside it.' },
  {
    field: 'Notes to reviewer',
    text: `${DEMO_STEPS}\n\n${TRY_THIS_FIX}\n\nPermissions:\n${PERMISSIONS_TEXT}\n\n${LINT_NOTES}\n\n${SOURCE_NOTES}\n\n${FLOORS}`,
    limit: 10_000,
    limitNote: 'no published limit found; a cap we keep to',
  },
];

/** The Markdown file a person copies the fields from. */
export function renderListing(title, fields) {
  const blocks = fields.map((f) => {
    const count = f.limit === undefined ? '' : ` (${f.text.length} of ${f.limit} characters${f.limitNote ? `; ${f.limitNote}` : ''})`;
    return `## ${f.field}${count}\n\n${f.text}\n`;
  });
  return `# ${title}\n\nGenerated by \`npm run package\` from scripts/store/listings.mjs: edit there.\n\n${blocks.join('\n')}`;
}
