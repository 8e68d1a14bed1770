// Escaping for the markup formats. Recorded values (headers, URLs, messages quoting them) come
// from arbitrary servers and pages: they are only ever text in a report, never markup.

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values in HTML and XML alike (both quote styles escaped). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c] as string);
}

/**
 * XML 1.0 allows no C0 control other than tab, LF and CR, not even as `&#1;` (XML §2.2), nor lone
 * surrogates or U+FFFE/U+FFFF: show them as `\xNN` like the CLI table does, then escape.
 */
export function escapeXml(text: string): string {
  const legal = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return escapeHtml(legal);
}

/** In attributes, line breaks and tabs would be normalised to spaces by the parser (XML §3.3.3): keep them. */
export function escapeXmlAttr(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
