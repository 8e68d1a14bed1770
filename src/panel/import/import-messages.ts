// The import worker's protocol: the panel sends one file, the worker answers with progress and,
// last, the analysed snapshot or the one-line error (the same as `cors-lens analyze` gives).
import type { ImportAnalysis } from '../har-io';

export interface ImportRequest {
  readonly file: File;
}

export type ImportWorkerMessage =
  | { readonly type: 'progress'; readonly bytesRead: number; readonly totalBytes: number }
  | { readonly type: 'done'; readonly result: ImportAnalysis };
