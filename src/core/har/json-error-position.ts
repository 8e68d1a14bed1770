// Where a JSON text first goes wrong. Node 20's JSON.parse often says only
// "Unexpected token '}', ... is not valid JSON" with no position; a person fixing a
// hand-edited HAR needs a line and column. This scanner runs only after JSON.parse has
// failed, walks the text once (iteratively: hostile nesting depth cannot overflow the stack)
// and returns the offset of the first character that cannot continue valid JSON (RFC 8259).

const WS = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

type Expect = 'value' | 'key' | 'colon' | 'after-value' | 'end';

export function jsonErrorOffset(text: string): number {
  const stack: string[] = []; // '{' or '['
  let expect: Expect = 'value';
  let i = 0;
  const skipWs = (): void => {
    while (i < text.length && WS.has(text[i] as string)) i++;
  };
  const match = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  for (;;) {
    skipWs();
    if (i >= text.length) return expect === 'end' ? -1 : i;
    const c = text[i] as string;
    if (expect === 'end') return i;
    if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
    } else if (expect === 'key') {
      // After `{` (empty objects are handled there) or `,`, only a string key may follow.
      if (c === '"' && match(STRING)) expect = 'colon';
      else return i;
    } else if (expect === 'value') {
      if (c === '{') {
        stack.push('{');
        i++;
        expect = 'key';
        skipWs();
        if (text[i] === '}') {
          stack.pop();
          i++;
          expect = stack.length ? 'after-value' : 'end';
        }
      } else if (c === '[') {
        stack.push('[');
        i++;
        skipWs();
        if (text[i] === ']') {
          stack.pop();
          i++;
          expect = stack.length ? 'after-value' : 'end';
        }
      } else if (c === '"') {
        if (!match(STRING)) return stringErrorOffset(text, i);
        expect = stack.length ? 'after-value' : 'end';
      } else if (LITERALS.some((l) => text.startsWith(l, i))) {
        i += LITERALS.find((l) => text.startsWith(l, i))!.length;
        expect = stack.length ? 'after-value' : 'end';
      } else if (match(NUMBER)) expect = stack.length ? 'after-value' : 'end';
      else return i;
    } else {
      const top = stack.at(-1);
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
        expect = stack.length ? 'after-value' : 'end';
      } else return i;
    }
  }
}

/** Inside a bad string: the first control character, bad escape, or the end of text. */
function stringErrorOffset(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) return i;
    if (text[i] === '\\') {
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return i;
        i += 5;
      } else if ('"\\/bfnrt'.includes(next) && next !== '') i++;
      else return i;
    } else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
