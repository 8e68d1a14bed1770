// Reading the HAR file, with errors a person understands instead of Node's error objects.

import { readFile } from 'node:fs/promises';

export type Input = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

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
  // Node's "cannot create a string longer than ..." for files near 512 MB.
  if (code === 'ERR_STRING_TOO_LONG') return 'too large to read';
  return `cannot read it (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** `-` reads standard input, so `cors-lens analyze - < x.har` works in pipelines. */
export async function readInput(path: string, stdin: NodeJS.ReadableStream): Promise<Input> {
  try {
    return { ok: true, text: path === '-' ? await readStream(stdin) : await readFile(path, 'utf8') };
  } catch (error) {
    return { ok: false, error: describeFsError(error) };
  }
}
