// Reads a HAR that arrives as UTF-8 bytes in chunks (the CLI's file stream, the panel's File),
// keeping only one `log.entries` element's text and parse tree at a time: each element is cut out
// of the bytes by JsonValueScanner, decoded, parsed by JSON.parse and turned into its small
// HarEntryView at once. What is kept is what validateHar would return for the whole document
// (ValidatedHar), and bad input gets the same one-line errors as parseJson + validateHar on the
// whole text decoded as UTF-8: JSON syntax first (with V8's message and the same line and column,
// counted in characters as a text editor shows them), then the HAR checks, last duplicate key
// winning as in JSON.parse.
//
// Only the document's skeleton (the root object, `log`, the `entries` array) is followed here,
// one structural byte at a time; every other value is a piece for JSON.parse. The skeleton is
// ASCII (whitespace and punctuation): a byte of 0x80 or more there is a syntax error.

import type { HarEntryView, HarPageView } from './har-entry-view';
import { jsonErrorOffset } from './json-error-position';
import { concatBytes, JsonValueScanner } from './json-value-scanner';
import { shortMessage } from './parse-json';
import { StringPool } from './string-pool';
import { browserOf, browserVersionOf, entriesOrError, readEntryView, readPages, recorderOf, skippedEntry, type SkippedEntry, type ValidatedHar } from './validate-har';

type Role = 'root' | 'log' | 'entries';
/** Object: first → colon → value → next → key → colon …; array: first → next → value → next … */
type State = 'first' | 'key' | 'colon' | 'value' | 'next';

interface Frame {
  readonly role: Role;
  readonly array: boolean;
  state: State;
  key: string;
  /** Past the first member: V8 words some errors in an object's first member differently. */
  later: boolean;
}

interface Piece {
  readonly scanner: JsonValueScanner;
  /** Character offset of its first character in the whole text. */
  readonly at: number;
  readonly line: number;
  readonly lineStart: number;
  readonly isKey: boolean;
}

/**
 * A syntax error, worded at end() once the bytes after it have arrived: V8's message can depend
 * on the characters that follow it (the first TAIL_CHARACTERS are given to it).
 */
interface PendingError {
  readonly at: number;
  /** The text from `at` known so far (a piece that failed to parse), before the tail. */
  readonly head: string;
  readonly line: number;
  readonly lineStart: number;
  /** The skeleton's parser state at the error (shadowOf). */
  readonly shadow: string;
  readonly tail: Uint8Array[];
  tailBytes: number;
}

const TAIL_CHARACTERS = 32;
/** Enough bytes for TAIL_CHARACTERS UTF-16 code units (UTF-8 spends at most 3 bytes on one, RFC 3629). */
const TAIL_BYTES = TAIL_CHARACTERS * 4;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const NO_BYTES = new Uint8Array(0);

/**
 * Bad bytes become U+FFFD, as `File.text()` and Node's `readFile(…, 'utf8')` do. A BOM is not
 * dropped here: only the one that starts the input is skipped (afterBom).
 */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

interface LogSoFar {
  isObject: boolean;
  fields: Record<string, unknown>;
  entries: { isArray: boolean; views: HarEntryView[]; count: number; skipped: SkippedEntry[]; error?: string } | undefined;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The same parser state as a frame, in a few characters: what V8 needs to word an error alike.
 * Values stand in as `null` (a `0` would run on into a following digit or `e`).
 */
function shadowOf(frame: Frame): string {
  if (frame.array) return { first: '[', value: '[null,', next: '[null', key: '[', colon: '[' }[frame.state];
  const before = frame.later ? '{"":null,' : '{';
  return { first: '{', key: '{"":null,', colon: `${before}""`, value: `${before}"":`, next: '{"":null' }[frame.state];
}

export class HarStreamReader {
  private readonly frames: Frame[] = [];
  private rootDone = false;
  private rootIsObject = false;
  private piece: Piece | undefined;
  private log: LogSoFar | undefined;
  private error: PendingError | undefined;
  /** Byte offset of the current chunk's first byte in the whole input (a leading BOM excluded). */
  private offset = 0;
  /** Bytes minus characters (UTF-16 code units) of the text before the current position: what multi-byte characters add. */
  private extraBytes = 0;
  private line = 1;
  private lineStart = 0;
  /** The first bytes, until it is known whether they are a UTF-8 BOM; undefined once known. */
  private lead: Uint8Array | undefined = NO_BYTES;
  private readonly pool = new StringPool();

  push(chunk: Uint8Array): void {
    if (this.lead !== undefined) chunk = this.afterBom(chunk);
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.error !== undefined) {
        this.collectTail(this.error, chunk, i);
        break;
      }
      const piece = this.piece;
      if (piece) {
        const end = piece.scanner.scan(chunk, i);
        if (end < 0) break;
        this.finishPiece(piece);
        i = end;
        continue;
      }
      const c = chunk[i] as number;
      if (isSpace(c)) {
        if (c === 0x0a) {
          this.line++;
          this.lineStart = this.charAt(i) + 1;
        }
        i++;
      } else i = this.structural(i, c);
    }
    this.offset += n;
  }

  end(): ValidatedHar {
    if (this.lead !== undefined && this.lead.length > 0) {
      const lead = this.lead;
      this.lead = undefined;
      this.push(lead);
    }
    if (this.piece && this.error === undefined) this.finishPiece(this.piece);
    if (this.error === undefined && (this.frames.length > 0 || !this.rootDone)) this.fail(this.charAt(0), 0);
    if (this.error !== undefined) return { ok: false, error: syntaxError(this.error) };
    const log = this.log;
    if (!this.rootIsObject || !log?.isObject) return { ok: false, error: 'not a HAR file (no "log" object)' };
    if (!log.entries?.isArray) return { ok: false, error: 'not a HAR file (no log.entries array)' };
    const read = entriesOrError(log.entries.views, log.entries.skipped, log.entries.error);
    if (!read.ok) return read;
    return { ok: true, entries: read.views, skipped: read.skipped, pages: readPages(log.fields.pages) as HarPageView[], browser: browserOf(log.fields), recorder: recorderOf(log.fields), browserVersion: browserVersionOf(log.fields) };
  }

  /** Character offset in the whole text of byte `i` of the current chunk, outside any piece. */
  private charAt(i: number): number {
    return this.offset + i - this.extraBytes;
  }

  /** Drops a leading UTF-8 BOM (as parseJson skips U+FEFF), which may arrive a byte at a time. */
  private afterBom(chunk: Uint8Array): Uint8Array {
    // Only a BOM cut across chunks leaves bytes waiting: the first chunk is not copied.
    const lead = this.lead !== undefined && this.lead.length > 0 ? concatBytes([this.lead, chunk]) : chunk;
    const known = Math.min(lead.length, UTF8_BOM.length);
    for (let i = 0; i < known; i++) {
      if (lead[i] !== UTF8_BOM[i]) {
        this.lead = undefined;
        return lead;
      }
    }
    if (lead.length < UTF8_BOM.length) {
      this.lead = lead;
      return NO_BYTES;
    }
    this.lead = undefined;
    return lead.subarray(UTF8_BOM.length);
  }

  /** One structural byte (or the first byte of a value); returns where to go on. */
  private structural(i: number, c: number): number {
    const frame = this.frames.at(-1);
    if (!frame) {
      if (this.rootDone) return this.fail(this.charAt(i), i);
      return this.startValue(i, c, undefined);
    }
    const closer = frame.array ? 0x5d : 0x7d;
    switch (frame.state) {
      case 'first':
        if (c === closer) return this.close(i);
        if (frame.array) return this.startValue(i, c, frame);
        return c === 0x22 ? this.startPiece(i, c, true) : this.fail(this.charAt(i), i);
      case 'key':
        return c === 0x22 ? this.startPiece(i, c, true) : this.fail(this.charAt(i), i);
      case 'colon':
        if (c !== 0x3a) return this.fail(this.charAt(i), i);
        frame.state = 'value';
        return i + 1;
      case 'value':
        return this.startValue(i, c, frame);
      case 'next':
        if (c === closer) return this.close(i);
        if (c !== 0x2c) return this.fail(this.charAt(i), i);
        frame.state = frame.array ? 'value' : 'key';
        frame.later = true;
        return i + 1;
    }
  }

  /** A value starts at `i`: step into the parts of a HAR we keep, hand anything else to JSON.parse. */
  private startValue(i: number, c: number, parent: Frame | undefined): number {
    let role: Role | undefined;
    if (!parent && c === 0x7b) {
      role = 'root';
      this.rootIsObject = true;
    } else if (parent?.role === 'root' && parent.key === 'log' && c === 0x7b) {
      role = 'log';
      this.log = { isObject: true, fields: Object.create(null) as Record<string, unknown>, entries: undefined };
    } else if (parent?.role === 'log' && parent.key === 'entries' && c === 0x5b && this.log) {
      role = 'entries';
      this.log.entries = { isArray: true, views: [], count: 0, skipped: [] };
    }
    if (role === undefined) return this.startPiece(i, c, false);
    this.frames.push({ role, array: role === 'entries', state: 'first', key: '', later: false });
    return i + 1;
  }

  private startPiece(i: number, c: number, isKey: boolean): number {
    this.piece = { scanner: new JsonValueScanner(c), at: this.charAt(i), line: this.line, lineStart: this.lineStart, isKey };
    return i;
  }

  private close(i: number): number {
    this.frames.pop();
    this.valueDone();
    return i + 1;
  }

  private valueDone(): void {
    const parent = this.frames.at(-1);
    if (parent) parent.state = 'next';
    else this.rootDone = true;
  }

  /** The piece's scanner has found its end (or the input ended). */
  private finishPiece(piece: Piece): void {
    this.piece = undefined;
    const bytes = piece.scanner.bytes();
    const text = utf8.decode(bytes);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // What follows the piece is collected by push (and worded by syntaxError).
      this.errorAt(piece.at, text, piece.line, piece.lineStart);
      return;
    }
    this.extraBytes += bytes.length - text.length;
    // Valid JSON has no raw newline inside a string: every newline of the piece is layout.
    if (piece.scanner.newlines > 0) {
      this.line = piece.line + piece.scanner.newlines;
      this.lineStart = piece.at + text.lastIndexOf('\n') + 1;
    }
    const frame = this.frames.at(-1);
    if (piece.isKey && frame) {
      frame.key = value as string;
      frame.state = 'colon';
      return;
    }
    this.keep(frame, value);
    this.valueDone();
  }

  /** A parsed value inside the skeleton: keep what validateHar would look at. */
  private keep(frame: Frame | undefined, value: unknown): void {
    if (frame?.role === 'root' && frame.key === 'log') this.log = { isObject: false, fields: {}, entries: undefined };
    if (frame?.role !== 'log' && frame?.role !== 'entries') return;
    const log = this.log as LogSoFar;
    if (frame.role === 'log') {
      if (frame.key === 'entries') log.entries = { isArray: false, views: [], count: 0, skipped: [] };
      else log.fields[frame.key] = value;
      return;
    }
    const entries = log.entries;
    if (!entries) return;
    const index = entries.count++;
    // A bad entry is skipped with its reason; the first one's error is the file's if none can be read.
    const read = readEntryView(value, index, this.pool);
    if (read.ok) entries.views.push(read.view);
    else {
      entries.error ??= read.error;
      entries.skipped.push(skippedEntry(index, read.error));
    }
  }

  /** The parser state of the skeleton so far, as JSON text for V8 to continue (see syntaxError). */
  private shadow(): string {
    return this.frames.length > 0 ? this.frames.map(shadowOf).join('') : this.rootDone ? 'null' : '';
  }

  /** A syntax error at character `at`, byte `i` of the chunk: push collects the bytes from there for its message. */
  private fail(at: number, i: number): number {
    this.errorAt(at, '', this.line, this.lineStart);
    return i;
  }

  private errorAt(at: number, head: string, line: number, lineStart: number): void {
    this.error = { at, head, line, lineStart, shadow: this.shadow(), tail: [], tailBytes: 0 };
  }

  private collectTail(error: PendingError, chunk: Uint8Array, from: number): void {
    const part = chunk.subarray(from, from + TAIL_BYTES - error.tailBytes);
    if (part.length === 0) return;
    error.tail.push(part);
    error.tailBytes += part.length;
  }
}

/**
 * The one-line message of a syntax error that starts at character `at` with `rest`. V8 words it
 * (from the shadow of the skeleton followed by `rest`) and json-error-position finds the
 * character, so the message is the one parseJson gives for the whole text.
 */
function syntaxError({ at, head, line, lineStart, shadow, tail }: PendingError): string {
  const rest = head + utf8.decode(concatBytes(tail.length > 0 ? tail : [NO_BYTES])).slice(0, TAIL_CHARACTERS);
  const whole = shadow + rest;
  let message = 'invalid';
  try {
    JSON.parse(whole);
  } catch (e) {
    message = e instanceof Error ? shortMessage(e.message) : message;
  }
  const found = jsonErrorOffset(whole);
  let where = '';
  if (found >= 0) {
    const within = Math.max(0, found - shadow.length);
    const before = rest.slice(0, within);
    const newlines = before.split('\n').length - 1;
    const column = newlines === 0 ? at + within - lineStart + 1 : within - before.lastIndexOf('\n');
    where = ` at line ${line + newlines} column ${column}`;
  }
  return `not valid JSON (${message}${where})`;
}

/** A whole text at once, as its UTF-8 bytes in chunks of `chunkSize` (tests, and small inputs). */
export function readHarStreamText(text: string, chunkSize = 1 << 20): ValidatedHar {
  const bytes = new TextEncoder().encode(text);
  const reader = new HarStreamReader();
  for (let i = 0; i < bytes.length; i += chunkSize) reader.push(bytes.subarray(i, i + chunkSize));
  return reader.end();
}
