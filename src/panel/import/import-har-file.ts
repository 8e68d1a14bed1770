// Import HAR, off the panel's thread: the file is read and analysed in a worker (har-import-worker.ts),
// the panel only builds its log from the result and shows progress meanwhile.
import type { RecordedExchange } from '../../core/protocol';
import { importedLog, type ImportResult } from '../har-io';
import type { ImportRequest, ImportWorkerMessage } from './import-messages';

/** The file being imported and how far the worker has read it (the panel's progress banner). */
export interface ImportProgress {
  readonly fileName: string;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

/** Bytes read so far and the file's size. */
export type OnImportProgress = (bytesRead: number, totalBytes: number) => void;

export function importHarFile(file: File, onProgress: OnImportProgress): Promise<ImportResult> {
  // Vite bundles the worker from this exact form (new URL(..., import.meta.url) inside new Worker).
  const worker = new Worker(new URL('./har-import-worker.ts', import.meta.url), { type: 'module' });
  const exchanges: RecordedExchange[] = [];
  return new Promise<ImportResult>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerMessage>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m.bytesRead, m.totalBytes);
      if (m.type === 'exchanges') return void exchanges.push(...m.exchanges);
      worker.terminate();
      resolve(m.result.ok ? { ok: true, imported: importedLog(file.name, { ...m.result.snapshot, exchanges }) } : m.result);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ ok: false, error: `the import worker failed (${event.message || 'no message'})` });
    });
    const request: ImportRequest = { file };
    worker.postMessage(request);
  });
}
