// Byte search of a browser profile directory after the browser closed: which files hold a string.
// Strings are looked for as Latin-1/UTF-8 and as UTF-16LE (V8's and SpiderMonkey's two string
// encodings when they serialise a value). Firefox compresses each IndexedDB value with Snappy, which
// turns a repeated prefix into a back-reference, so the values of every SQLite database are also
// read and decompressed (`path#table`). Chromium's IndexedDB log (`*.log` of its LevelDB) holds
// values uncompressed.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { snappyDecompress } from './snappy';

/** node:sqlite (Node 22.5+), typed here: the project's @types/node predates it. */
interface Sqlite {
  DatabaseSync: new (path: string, options: { readOnly: boolean }) => {
    prepare(sql: string): { all(): Record<string, unknown>[] };
    close(): void;
  };
}
const sqlite = createRequire(import.meta.url)('node:sqlite') as Sqlite;

interface Blob {
  readonly where: string;
  readonly bytes: Uint8Array;
}

/** Every BLOB of a SQLite file, decompressed where it is Snappy, raw otherwise. */
function sqliteValues(path: string, name: string): Blob[] {
  const blobs: Blob[] = [];
  let db: InstanceType<Sqlite['DatabaseSync']> | undefined;
  try {
    db = new sqlite.DatabaseSync(path, { readOnly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => String(r['name']));
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all()) {
        for (const value of Object.values(row)) {
          if (!(value instanceof Uint8Array)) continue;
          let bytes = value;
          try {
            bytes = snappyDecompress(value);
          } catch {
            // Not compressed: the raw bytes were searched with the file.
          }
          blobs.push({ where: `${name}#${table}`, bytes });
        }
      }
    }
  } catch {
    // Not a database, or one the browser left locked: the file's own bytes were searched.
  } finally {
    db?.close();
  }
  return blobs;
}

/** Reads the whole profile once; `containing(needle)` then lists where a string occurs. */
export function readProfile(dir: string): { containing(needle: string): string[] } {
  const blobs: Blob[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const name = relative(dir, path);
    try {
      blobs.push({ where: name, bytes: readFileSync(path) });
    } catch {
      continue;
    }
    if (name.endsWith('.sqlite')) blobs.push(...sqliteValues(path, name));
  }
  return {
    containing(needle) {
      const forms = [Buffer.from(needle, 'latin1'), Buffer.from(needle, 'utf16le')];
      const hits = blobs.filter((b) => forms.some((f) => Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength).includes(f))).map((b) => b.where);
      return [...new Set(hits)];
    },
  };
}
