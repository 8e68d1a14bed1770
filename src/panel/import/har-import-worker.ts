// The import worker (a Vite worker entry, bundled by the extension build): reads the file the
// panel hands it and analyses it off the panel's thread, so a 100 MB HAR does not freeze DevTools.
import { EXCHANGES_PER_BATCH, type ImportRequest, type ImportWorkerMessage } from './import-messages';
import type { ImportAnalysis } from '../har-io';
import { analyseHarChunks } from './analyse-har-chunks';

/** Progress at most every 100 ms: each message costs the panel a task. */
const PROGRESS_EVERY_MS = 100;

const post = (m: ImportWorkerMessage) => postMessage(m);

/** The file as UTF-8 text chunks (bad bytes become U+FFFD, as `File.text()` and the CLI do). */
async function* textChunks(file: File, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const reader = file.stream().getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    onBytes(bytes);
    yield decoder.decode(value, { stream: true });
  }
  yield decoder.decode();
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
  void analyseHarChunks(file.name, textChunks(file, onBytes))
    .catch((error: unknown) => ({ ok: false as const, error: `cannot read it (${error instanceof Error ? error.message : String(error)})` }))
    .then(postResult);
});

function postResult(result: ImportAnalysis): void {
  if (!result.ok) return post({ type: 'done', result });
  const { exchanges } = result.snapshot;
  for (let i = 0; i < exchanges.length; i += EXCHANGES_PER_BATCH) post({ type: 'exchanges', exchanges: exchanges.slice(i, i + EXCHANGES_PER_BATCH) });
  post({ type: 'done', result: { ok: true, snapshot: { ...result.snapshot, exchanges: [] } } });
}
