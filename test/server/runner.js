// Runs in the browser, on the page origin. Loads the resolved catalogue from /scenarios.json and
// performs one scenario's request exactly as the catalogue says, reporting what the page saw:
// fetch resolved or threw (XHR load/error, element load/error).
/* global window, document, fetch, XMLHttpRequest, Image */

const TIMEOUT_MS = 10000;
const scenariosReady = fetch('/scenarios.json').then((r) => r.json());

function withTimeout(promise) {
  return Promise.race([
    promise,
    new Promise((resolve) => setTimeout(() => resolve({ outcome: 'threw', error: 'timeout' }), TIMEOUT_MS)),
  ]);
}

function readHeaders(headers, names) {
  if (!names) return undefined;
  const out = {};
  for (const n of names) out[n] = headers(n);
  return out;
}

async function viaFetch(s) {
  const a = s.page;
  const controller = new AbortController();
  const init = { method: a.method, headers: a.headers, credentials: a.credentials, mode: a.mode, body: a.body, signal: controller.signal };
  try {
    const r = await fetch(s.url, init);
    // The page's own abort after fetch resolved: the browser logs net::ERR_ABORTED, not a CORS failure.
    if (a.abortAfterHeaders) {
      controller.abort();
      return { outcome: 'resolved', status: r.status, responseType: r.type, error: 'aborted by the page after fetch resolved' };
    }
    await r.arrayBuffer();
    return { outcome: 'resolved', status: r.status, responseType: r.type, headers: readHeaders((n) => r.headers.get(n), a.readHeaders) };
  } catch (e) {
    return { outcome: 'threw', error: String(e) };
  }
}

function viaXhr(s) {
  const a = s.page;
  return new Promise((resolve) => {
    const x = new XMLHttpRequest();
    x.open(a.method || 'GET', s.url);
    x.withCredentials = a.credentials === 'include';
    for (const [n, v] of a.headers || []) x.setRequestHeader(n, v);
    x.onload = () => resolve({ outcome: 'resolved', status: x.status, headers: readHeaders((n) => x.getResponseHeader(n), a.readHeaders) });
    x.onerror = () => resolve({ outcome: 'threw', error: 'XMLHttpRequest error event' });
    x.send(a.body === undefined ? null : a.body);
  });
}

function viaElement(s) {
  const a = s.page;
  return new Promise((resolve) => {
    const el = a.initiator === 'img' ? new Image() : document.createElement('script');
    if (a.crossOrigin) el.crossOrigin = a.crossOrigin;
    el.onload = () => resolve({ outcome: 'resolved' });
    el.onerror = () => resolve({ outcome: 'threw', error: `${a.initiator} error event` });
    el.src = s.url;
    if (a.initiator === 'script') document.head.appendChild(el);
  });
}

function once(s) {
  if (s.page.initiator === 'fetch') return viaFetch(s);
  if (s.page.initiator === 'xhr') return viaXhr(s);
  return viaElement(s);
}

// Private-network scenarios run in a same-origin iframe whose document is marked
// `treat-as-public-address` by the server.
async function inPublicFrame(id) {
  const frame = document.createElement('iframe');
  frame.src = '/?public=1';
  await new Promise((resolve) => { frame.onload = resolve; document.body.appendChild(frame); });
  const result = await frame.contentWindow.runScenario(id);
  frame.remove();
  return result;
}

window.runScenario = async function runScenario(id) {
  const all = await scenariosReady;
  const s = all.find((x) => x.id === id);
  if (!s) throw new Error(`unknown scenario ${id}`);
  if (s.page.publicDocument && !window.isPublicDocument) return inPublicFrame(id);
  const runs = [];
  let last;
  for (let i = 0; i < (s.page.repeat || 1); i += 1) {
    last = await withTimeout(once(s));
    runs.push(last.outcome);
  }
  if (s.page.then) {
    last = await withTimeout(once({ ...s, page: s.page.then, url: s.thenUrl }));
    runs.push(last.outcome);
  }
  const outcome = runs.every((o) => o === 'resolved') ? 'resolved' : 'threw';
  return { id, ...last, outcome, ...(runs.length > 1 ? { runs } : {}) };
};

window.runAll = async function runAll(ids) {
  const all = await scenariosReady;
  const results = {};
  for (const s of all) {
    if (ids && !ids.includes(s.id)) continue;
    results[s.id] = await window.runScenario(s.id);
  }
  return results;
};

window.scenarioIds = async () => (await scenariosReady).map((s) => s.id);
