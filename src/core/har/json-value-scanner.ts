// Finds where one JSON value ends in text that arrives in chunks, without parsing it: the HAR
// stream reader cuts each `log.entries` element out this way and hands it to JSON.parse, which
// does the validating. The scan only follows strings (with their escapes) and bracket depth, so
// for any valid JSON it ends exactly where the value ends (RFC 8259 §2: structural characters
// cannot occur outside strings except as structure); for invalid JSON it ends somewhere, and
// JSON.parse of the piece then reports the error.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** Characters that end a number or a literal (`true`, `false`, `null`) at the top of a value. */
const endsScalar = (c: number): boolean => c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class JsonValueScanner {
  private readonly parts: string[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private readonly scalar: boolean;
  /** Newlines outside strings seen so far, and the offset after the last one (in the piece). */
  newlines = 0;
  lastNewlineEnd = 0;
  private length = 0;

  /** `first` is the value's first character (not whitespace). */
  constructor(first: number) {
    this.scalar = first !== QUOTE && first !== 0x7b && first !== 0x5b;
  }

  /**
   * Scan `text` from `from`. Returns the index just after the value's end, or -1 when the value
   * goes on past the end of `text` (the scanned part is kept for `text()`).
   */
  scan(text: string, from: number): number {
    const end = this.scalar ? this.scanScalar(text, from) : this.scanNested(text, from);
    const stop = end < 0 ? text.length : end;
    this.parts.push(from === 0 && stop === text.length ? text : text.slice(from, stop));
    this.length += stop - from;
    return end;
  }

  /** The value's text, once `scan` has found its end (or the input ended). */
  text(): string {
    return this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
  }

  private scanScalar(text: string, from: number): number {
    for (let i = from; i < text.length; i++) if (endsScalar(text.charCodeAt(i))) return i;
    return -1;
  }

  private scanNested(text: string, from: number): number {
    let { depth, inString, escaped } = this;
    const n = text.length;
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) return this.done(i + 1);
        }
      } else if (c === QUOTE) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--depth <= 0) return this.done(i + 1);
      } else if (c === NEWLINE) {
        this.newlines++;
        this.lastNewlineEnd = this.length + (i - from) + 1;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }

  private done(end: number): number {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    return end;
  }
}
