// The import worker (a Vite worker entry, bundled by the extension build): reads the file the
// panel hands it and analyses it off the panel's thread, so a 100 MB HAR does not freeze DevTools.
// It is loaded from the extension's own origin (bundled into `assets/` of both builds), so it needs
// no `web_accessible_resources` entry and no CSP change.
import { EXCHANGES_PER_BATCH, type ImportRequest, type ImportWorkerMessage } from './import-messages';
import type { ImportAnalysis } from '../har-io';
import { analyzeHarChunks } from './analyze-har-chunks';

/** Progress at most every 100 ms: each message costs the panel a task. */
const PROGRESS_EVERY_MS = 100;

const post = (m: ImportWorkerMessage) => postMessage(m);

/** The file's bytes, chunk by chunk (the stream reader decodes what it parses, as the CLI does). */
async function* byteChunks(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const { file } = event.data;
  let last = 0;
  const onBytes = (bytesRead: number) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    post({ type: 'progress', bytesRead, totalBytes: file.size });
  };
  void analyzeHarChunks(file.name, byteChunks(file), onBytes)
    .catch((error: unknown) => ({ ok: false as const, error: `cannot read it (${error instanceof Error ? error.message : String(error)})` }))
    .then(postResult);
});

function postResult(result: ImportAnalysis): void {
  if (!result.ok) return post({ type: 'done', result });
  const { exchanges } = result.snapshot;
  for (let i = 0; i < exchanges.length; i += EXCHANGES_PER_BATCH) post({ type: 'exchanges', exchanges: exchanges.slice(i, i + EXCHANGES_PER_BATCH) });
  post({ type: 'done', result: { ok: true, snapshot: { ...result.snapshot, exchanges: [] } } });
}
