// Reads a HAR that arrives as text in chunks (the CLI's file stream, the panel's File), keeping
// only one `log.entries` element's text and parse tree at a time: each element is cut out by
// JsonValueScanner, parsed by JSON.parse and turned into its small HarEntryView at once. What
// is kept is what validateHar would return for the whole document (ValidatedHar), and bad input
// gets the same one-line errors as parseJson + validateHar on the whole text: JSON syntax first
// (with V8's message and the same line and column), then the HAR checks, last duplicate key
// winning as in JSON.parse.
//
// Only the document's skeleton (the root object, `log`, the `entries` array) is followed here,
// one structural character at a time; every other value is a piece for JSON.parse.

import type { HarEntryView, HarPageView } from './har-entry-view';
import { jsonErrorOffset } from './json-error-position';
import { JsonValueScanner } from './json-value-scanner';
import { shortMessage } from './parse-json';
import { StringPool } from './string-pool';
import { browserOf, readEntryView, readPages, type ValidatedHar } from './validate-har';

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
  readonly at: number;
  readonly line: number;
  readonly lineStart: number;
  readonly isKey: boolean;
}

interface LogSoFar {
  isObject: boolean;
  fields: Record<string, unknown>;
  entries: { isArray: boolean; views: HarEntryView[]; count: number; error?: string } | undefined;
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
  private error: string | undefined;
  /** Offset of the current chunk's first character in the whole text (a leading BOM excluded). */
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private started = false;
  private readonly pool = new StringPool();

  /** Characters read so far (for progress). */
  get consumed(): number {
    return this.offset;
  }

  push(text: string): void {
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      // A UTF-8 byte order mark, as parseJson skips it; positions are counted without it.
      if (text.charCodeAt(0) === 0xfeff) {
        i = 1;
        this.offset = -1;
      }
    }
    const n = text.length;
    while (i < n && this.error === undefined) {
      const piece = this.piece;
      if (piece) {
        const end = piece.scanner.scan(text, i);
        if (end < 0) break;
        this.finishPiece(piece, text, end);
        i = end;
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        if (c === 0x0a) {
          this.line++;
          this.lineStart = this.offset + i + 1;
        }
        i++;
      } else i = this.structural(text, i, c);
    }
    this.offset += n;
  }

  end(): ValidatedHar {
    if (this.piece && this.error === undefined) this.finishPiece(this.piece, '', 0);
    if (this.error === undefined && (this.frames.length > 0 || !this.rootDone)) this.fail(this.offset, '', this.line, this.lineStart);
    if (this.error !== undefined) return { ok: false, error: this.error };
    const log = this.log;
    if (!this.rootIsObject || !log?.isObject) return { ok: false, error: 'not a HAR file (no "log" object)' };
    if (!log.entries?.isArray) return { ok: false, error: 'not a HAR file (no log.entries array)' };
    if (log.entries.error !== undefined) return { ok: false, error: log.entries.error };
    return { ok: true, entries: log.entries.views, pages: readPages(log.fields.pages) as HarPageView[], browser: browserOf(log.fields) };
  }

  /** One structural character (or the first character of a value); returns where to go on. */
  private structural(text: string, i: number, c: number): number {
    const frame = this.frames.at(-1);
    if (!frame) {
      if (this.rootDone) return this.fail(this.offset + i, text.slice(i, i + 32), this.line, this.lineStart);
      return this.startValue(text, i, c, undefined);
    }
    const closer = frame.array ? 0x5d : 0x7d;
    switch (frame.state) {
      case 'first':
        if (c === closer) return this.close(i);
        if (frame.array) return this.startValue(text, i, c, frame);
        return c === 0x22 ? this.startPiece(i, c, true) : this.fail(this.offset + i, text.slice(i, i + 32), this.line, this.lineStart);
      case 'key':
        return c === 0x22 ? this.startPiece(i, c, true) : this.fail(this.offset + i, text.slice(i, i + 32), this.line, this.lineStart);
      case 'colon':
        if (c !== 0x3a) return this.fail(this.offset + i, text.slice(i, i + 32), this.line, this.lineStart);
        frame.state = 'value';
        return i + 1;
      case 'value':
        return this.startValue(text, i, c, frame);
      case 'next':
        if (c === closer) return this.close(i);
        if (c !== 0x2c) return this.fail(this.offset + i, text.slice(i, i + 32), this.line, this.lineStart);
        frame.state = frame.array ? 'value' : 'key';
        frame.later = true;
        return i + 1;
    }
  }

  /** A value starts at `i`: step into the parts of a HAR we keep, hand anything else to JSON.parse. */
  private startValue(text: string, i: number, c: number, parent: Frame | undefined): number {
    let role: Role | undefined;
    if (!parent && c === 0x7b) {
      role = 'root';
      this.rootIsObject = true;
    } else if (parent?.role === 'root' && parent.key === 'log' && c === 0x7b) {
      role = 'log';
      this.log = { isObject: true, fields: Object.create(null) as Record<string, unknown>, entries: undefined };
    } else if (parent?.role === 'log' && parent.key === 'entries' && c === 0x5b && this.log) {
      role = 'entries';
      this.log.entries = { isArray: true, views: [], count: 0 };
    }
    if (role === undefined) return this.startPiece(i, c, false);
    this.frames.push({ role, array: role === 'entries', state: 'first', key: '', later: false });
    return i + 1;
  }

  private startPiece(i: number, c: number, isKey: boolean): number {
    this.piece = { scanner: new JsonValueScanner(c), at: this.offset + i, line: this.line, lineStart: this.lineStart, isKey };
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

  /** The piece's end is at `end` in `chunk`; what follows it there only matters to an error message. */
  private finishPiece(piece: Piece, chunk: string, end: number): void {
    this.piece = undefined;
    const text = piece.scanner.text();
    if (piece.scanner.newlines > 0) {
      this.line = piece.line + piece.scanner.newlines;
      this.lineStart = piece.at + piece.scanner.lastNewlineEnd;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.fail(piece.at, text + chunk.slice(end, end + 32), piece.line, piece.lineStart);
      return;
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
      if (frame.key === 'entries') log.entries = { isArray: false, views: [], count: 0 };
      else log.fields[frame.key] = value;
      return;
    }
    const entries = log.entries;
    if (!entries) return;
    const index = entries.count++;
    // After the first bad entry only the syntax is checked: validateHar reports the first one.
    if (entries.error !== undefined) return;
    const read = readEntryView(value, index, this.pool);
    if (read.ok) entries.views.push(read.view);
    else {
      entries.error = read.error;
      entries.views = [];
    }
  }

  /**
   * A syntax error whose text starts at offset `at` with `rest`. V8 words it (from the shadow
   * of the skeleton so far followed by `rest`) and json-error-position finds the character, so
   * the message is the one parseJson gives for the whole text.
   */
  private fail(at: number, rest: string, line: number, lineStart: number): number {
    const shadow = this.frames.length > 0 ? this.frames.map(shadowOf).join('') : this.rootDone ? 'null' : '';
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
    this.error = `not valid JSON (${message}${where})`;
    return Number.MAX_SAFE_INTEGER;
  }
}

/** The whole text at once, through the stream reader (tests, and small inputs). */
export function readHarStreamText(text: string, chunkSize = 1 << 20): ValidatedHar {
  const reader = new HarStreamReader();
  for (let i = 0; i < text.length; i += chunkSize) reader.push(text.slice(i, i + chunkSize));
  return reader.end();
}
