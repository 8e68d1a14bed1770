// JSON.parse with an error a person can act on: one line, with line and column.

import { jsonErrorOffset, lineAndColumn } from './json-error-position';

export type ParsedJson = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** V8's message, without the quoted source text (which may be long, multi-line, or hostile). */
export function shortMessage(message: string): string {
  const token = /^Unexpected token '?(.+?)'?, .* is not valid JSON$/s.exec(message);
  if (token) return `Unexpected token '${token[1]}'`;
  return message.replace(/ (?:in|after) JSON at position \d+.*$/s, '').replace(/\s+/g, ' ');
}

export function parseJson(text: string): ParsedJson {
  // A UTF-8 byte order mark is common in HAR files saved by Windows tools; JSON.parse rejects it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const offset = jsonErrorOffset(body);
    const where = offset < 0 ? '' : (({ line, column }) => ` at line ${line} column ${column}`)(lineAndColumn(body, offset));
    const message = e instanceof Error ? shortMessage(e.message) : 'invalid';
    return { ok: false, error: `not valid JSON (${message}${where})` };
  }
}
