// The import worker's protocol: the panel sends one file, the worker answers with progress, the
// analysed exchanges in batches and, last, the rest of the snapshot or the one-line error (the
// same as `cors-lens analyze` gives). Batches, because the panel's thread deserialises each
// message in one task: the whole log at once held it for half a second at 100 MB.
import type { RecordedExchange } from '../../core/protocol';
import type { ImportAnalysis } from '../har-io';

export interface ImportRequest {
  readonly file: File;
}

export type ImportWorkerMessage =
  | { readonly type: 'progress'; readonly bytesRead: number; readonly totalBytes: number }
  | { readonly type: 'exchanges'; readonly exchanges: readonly RecordedExchange[] }
  /** On success the snapshot's `exchanges` are those of the batches before it, in order. */
  | { readonly type: 'done'; readonly result: ImportAnalysis };

export const EXCHANGES_PER_BATCH = 500;
