// The import worker (a Vite worker entry, bundled by the extension build): reads the file the
// panel hands it and analyses it off the panel's thread, so a 100 MB HAR does not freeze DevTools.
import type { ImportRequest, ImportWorkerMessage } from './import-messages';
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
    .then((result) => post({ type: 'done', result }));
});
