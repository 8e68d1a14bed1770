import { Window } from 'happy-dom';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { API } from '../../../test/support/exchange-builders';
import { snippetById } from '../snippets/registry';
import { markdownReport, mdBlock, mdCode, mdText } from './markdown-report';
import { buildReport, type ReportItem } from './report-model';
import { ALLOWED, BLOCKED, HOSTILE, HOSTILE_ITEM, SECRET_COOKIE, SECRET_PASSWORD, UNKNOWN } from '../../../test/support/report-items';

describe('markdown escaping', () => {
  test.each([
    ['plain', '`plain`'],
    ['a `tick`', '`` a `tick` ``'],
    ['```', '```` ``` ````'],
    ['<b>x</b>', '`<b>x</b>`'],
    ['two\nlines', '`two lines`'],
  ])('mdCode(%j) = %j', (text, expected) => expect(mdCode(text)).toBe(expected));

  test.each([
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['[link](javascript:x)', '\\[link\\](javascript:x)'],
    ['*em* _em_ a&b', '\\*em\\* \\_em\\_ a\\&b'],
  ])('mdText(%j) = %j', (text, expected) => expect(mdText(text)).toBe(expected));

  test('a fenced block is never closed by the text inside it', () => {
    const block = mdBlock('a\n```\nb\n````');
    expect(block.startsWith('`````\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
  });
});

describe('markdownReport', () => {
  test.each<[string, readonly ReportItem[], string]>([
    ['blocked', [BLOCKED], `## 1. \`GET ${API}/users/:id\``],
    ['allowed', [ALLOWED], 'Nothing was blocked.'],
    ['unknown', [UNKNOWN], '1 unknown'],
    ['hostile header values', [HOSTILE_ITEM], '```http\nAccess-Control-Allow-Origin: <img src=x onerror="alert(1)">'],
  ])('%s', (_label, items, expected) => {
    expect(markdownReport(buildReport(items))).toContain(expected);
  });

  test('rendered by a CommonMark renderer that passes raw HTML through, hostile values are still text', () => {
    const md = markdownReport(buildReport([HOSTILE_ITEM]));
    expect(md).toContain('````http\n');
    const window = new Window();
    window.document.body.innerHTML = new MarkdownIt({ html: true }).render(md);
    const body = window.document.body;
    expect(body.querySelectorAll('img, script, [onerror]')).toHaveLength(0);
    expect(body.textContent).toContain(HOSTILE.slice(0, HOSTILE.indexOf('\u0001')));
  });

  test('fix and configuration for the chosen server; secrets redacted', () => {
    const md = markdownReport(buildReport([BLOCKED, HOSTILE_ITEM], { snippet: snippetById('nginx') }));
    expect(md).toContain('Access-Control-Allow-Credentials: true');
    expect(md).toContain('### Configuration for nginx');
    expect(md).not.toContain(SECRET_COOKIE);
    expect(md).not.toContain(SECRET_PASSWORD);
  });
});
