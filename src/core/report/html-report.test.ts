// The HTML report is one self-contained file: recorded values are text, never markup. Parsed with
// happy-dom here; test/e2e/report-html checks the same in real Chromium.
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { API, PAGE } from '../../../test/support/exchange-builders';
import { snippetById } from '../snippets/registry';
import { htmlReport } from './html-report';
import { buildReport, type ReportItem } from './report-model';
import { ALL, ALLOWED, BLOCKED, HOSTILE, HOSTILE_ITEM, SECRET_COOKIE, SECRET_PASSWORD, UNKNOWN } from '../../../test/support/report-items';

function parse(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('htmlReport', () => {
  test.each<[string, readonly ReportItem[], number, string]>([
    ['blocked', [BLOCKED], 1, 'wildcard-origin-with-credentials'],
    ['allowed', [ALLOWED], 0, 'Nothing was blocked.'],
    ['unknown', [UNKNOWN], 0, '1 unknown'],
    ['hostile header values', [HOSTILE_ITEM], 1, HOSTILE],
  ])('%s: %i endpoint section(s), and its text says %j', (_label, items, sections, text) => {
    const doc = parse(htmlReport(buildReport(items)));
    expect(doc.querySelectorAll('section.endpoint')).toHaveLength(sections);
    expect(doc.body.textContent).toContain(text);
  });

  test('hostile values create no element and no attribute: only ours are in the document', () => {
    const doc = parse(htmlReport(buildReport([HOSTILE_ITEM])));
    expect(doc.querySelectorAll('img, script, iframe, [onerror]')).toHaveLength(0);
    const tags = new Set(Array.from(doc.querySelectorAll('*')).map((e) => e.tagName.toLowerCase()));
    expect([...tags].sort()).toEqual(['a', 'body', 'caption', 'code', 'h1', 'h2', 'h3', 'h4', 'head', 'html', 'li', 'meta', 'p', 'pre', 'section', 'span', 'style', 'table', 'tbody', 'td', 'th', 'title', 'tr', 'ul']);
  });

  test('self-contained: no script, no external resource, a CSP that forbids both', () => {
    const html = htmlReport(buildReport(ALL, { snippet: snippetById('express') }));
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).toContain("default-src 'none'");
  });

  test('reason, what was sent and answered, fix and server configuration are all there', () => {
    const text = parse(htmlReport(buildReport([BLOCKED], { snippet: snippetById('express'), source: 'trace.har' }))).body.textContent ?? '';
    for (const expected of [`GET ${API}/users/:id`, `From the page origin ${PAGE}`, 'Chrome: WildcardOriginNotAllowed', 'Firefox: CORSNotSupportingCredentials', 'The browser sent', 'The server answered 200', 'Access-Control-Allow-Credentials: true', 'Configuration for Express (cors)', 'credentials: true', 'trace.har']) {
      expect(text).toContain(expected);
    }
  });

  test.each([
    [true, false],
    [false, true],
  ])('redact %s: cookies and passwords present %s', (redact, present) => {
    const html = htmlReport(buildReport([BLOCKED, HOSTILE_ITEM], { redact }));
    expect(html.includes(SECRET_COOKIE)).toBe(present);
    expect(html.includes(SECRET_PASSWORD)).toBe(present);
  });
});
