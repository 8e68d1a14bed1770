// Finds where one JSON value ends in UTF-8 bytes that arrive in chunks, without parsing it: the
// HAR stream reader cuts each `log.entries` element out this way and hands its text to JSON.parse,
// which does the validating. The scan only follows strings (with their escapes) and bracket depth,
// so for any valid JSON it ends exactly where the value ends (RFC 8259 §2: structural characters
// cannot occur outside strings except as structure); for invalid JSON it ends somewhere, and
// JSON.parse of the piece then reports the error.
//
// It scans bytes, not decoded text: every byte it looks for is ASCII, and in UTF-8 no byte of a
// multi-byte character is below 0x80 (RFC 3629 §3), so a byte loop finds the same places. Reading
// bytes is about twice as fast as charCodeAt over the decoded text, and only the pieces are ever
// decoded (a HAR is half indentation, which is never turned into a string).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** Characters that end a number or a literal (`true`, `false`, `null`) at the top of a value. */
const endsScalar = (c: number): boolean => c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The parts as one array (the part itself when there is one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

export class JsonValueScanner {
  private readonly parts: Uint8Array[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private readonly scalar: boolean;
  /** Newlines outside strings seen so far (in valid JSON, every newline of the piece). */
  newlines = 0;

  /** `first` is the value's first byte (not whitespace). */
  constructor(first: number) {
    this.scalar = first !== QUOTE && first !== 0x7b && first !== 0x5b;
  }

  /**
   * Scan `bytes` from `from`. Returns the index just after the value's end, or -1 when the value
   * goes on past the end of `bytes` (the scanned part is kept for `bytes()`: chunks are not reused).
   */
  scan(bytes: Uint8Array, from: number): number {
    const end = this.scalar ? this.scanScalar(bytes, from) : this.scanNested(bytes, from);
    const stop = end < 0 ? bytes.length : end;
    this.parts.push(bytes.subarray(from, stop));
    return end;
  }

  /** The value's bytes, once `scan` has found its end (or the input ended). */
  bytes(): Uint8Array {
    return concatBytes(this.parts);
  }

  private scanScalar(bytes: Uint8Array, from: number): number {
    for (let i = from; i < bytes.length; i++) if (endsScalar(bytes[i] as number)) return i;
    return -1;
  }

  private scanNested(bytes: Uint8Array, from: number): number {
    let { depth, inString, newlines } = this;
    const n = bytes.length;
    let i = from;
    if (this.escaped) {
      // The previous chunk ended on a backslash inside a string: this byte is the escaped one.
      this.escaped = false;
      i++;
    }
    while (i < n) {
      if (inString) {
        // A string's content is most of a HAR's bytes: skip it in a loop of its own, stepping
        // over each escaped byte (`\"` never closes it).
        while (i < n) {
          const c = bytes[i] as number;
          if (c === QUOTE) break;
          i += c === BACKSLASH ? 2 : 1;
        }
        if (i >= n) {
          this.escaped = i > n;
          break;
        }
        inString = false;
        i++;
        if (depth === 0) return this.done(i, newlines);
        continue;
      }
      const c = bytes[i++] as number;
      if (c === QUOTE) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--depth <= 0) return this.done(i, newlines);
      } else if (c === NEWLINE) {
        newlines++;
        // The indentation after it (half of a pretty-printed HAR), in a loop of its own.
        while (i < n && bytes[i] === 0x20) i++;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.newlines = newlines;
    return -1;
  }

  private done(end: number, newlines: number): number {
    this.depth = 0;
    this.inString = false;
    this.newlines = newlines;
    return end;
  }
}
