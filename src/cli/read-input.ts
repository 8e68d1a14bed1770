// Reading the HAR file, with errors a person understands instead of Node's error objects. The
// file is streamed into the HAR stream reader (src/core/har/har-stream-reader.ts): a 1 GB
// recording is read one entry at a time, never held whole as text and as a parse tree.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { HarStreamReader } from '../core/har/har-stream-reader';
import type { ValidatedHar } from '../core/har/validate-har';

export type Input = { readonly ok: true; readonly har: ValidatedHar } | { readonly ok: false; readonly error: string };

/** Called now and then while reading: bytes read so far, and the file's size (0 for stdin). */
export type OnProgress = (bytesRead: number, totalBytes: number) => void;

const MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a HAR file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'no such file (a parent is not a directory)',
  ENAMETOOLONG: 'file name too long',
};

export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (MESSAGES[code]) return MESSAGES[code];
  return `cannot read it (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
}

/** Big reads: fewer chunk boundaries for the reader to carry a value across. */
const CHUNK_BYTES = 1 << 20;

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0; // the read that follows reports the error
  }
}

/** `-` reads standard input, so `cors-lens analyze - < x.har` works in pipelines. */
export async function readInput(path: string, stdin: NodeJS.ReadableStream, onProgress?: OnProgress): Promise<Input> {
  // The reader takes the bytes (and decodes only what it parses; bad bytes become U+FFFD as readFile does).
  const reader = new HarStreamReader();
  try {
    const total = path === '-' ? 0 : await sizeOf(path);
    const stream = path === '-' ? stdin : createReadStream(path, { highWaterMark: CHUNK_BYTES });
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      // A stdin someone set an encoding on gives text: back to UTF-8.
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      bytes += data.length;
      reader.push(data);
      onProgress?.(bytes, total);
    }
  } catch (error) {
    return { ok: false, error: describeFsError(error) };
  }
  return { ok: true, har: reader.end() };
}
