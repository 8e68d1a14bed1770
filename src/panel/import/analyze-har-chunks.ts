// Reads a HAR that arrives in chunks of UTF-8 bytes with the CLI's stream reader (one entry's text
// and parse tree at a time, src/core/har/har-stream-reader.ts) and analyses it for the panel. No
// DOM and no Node: the import worker feeds it a File's stream, the tests feed it encoded text.
import { HarStreamReader } from '../../core/har/har-stream-reader';
import { readValidatedHar } from '../../core/har/read-har';
import { analyzeImport, type ImportAnalysis } from '../har-io';

/** Called after each chunk with the bytes read so far. */
export type OnChunk = (bytesRead: number) => void;

export async function analyzeHarChunks(fileName: string, chunks: AsyncIterable<Uint8Array>, onChunk?: OnChunk): Promise<ImportAnalysis> {
  const reader = new HarStreamReader();
  let read = 0;
  for await (const chunk of chunks) {
    reader.push(chunk);
    read += chunk.byteLength;
    onChunk?.(read);
  }
  return analyzeImport(fileName, readValidatedHar(reader.end()));
}
