import { expect, test } from 'vitest';
import { withRecordingEvidence } from './recording-evidence';
import { exchange, hop, PAGE } from '../../test/support/exchange-builders';

const withCookie = (url: string, initiatorOrigin: string | null = PAGE) => exchange([hop('GET', url, { Cookie: 's=1' }, 200)], { initiatorOrigin, startedAt: 0 });
const without = (url: string) => exchange([hop('GET', url, {}, 200)], { id: 'later', startedAt: 1 });

test.each([
  // a Cookie went to `seen` first; is the later request to `asked`, sent without one, marked?
  ['same host, same port', 'http://localhost:9000/a', 'http://localhost:9000/b', PAGE, true],
  ['same host, other port (cookies ignore ports)', 'http://localhost:9000/a', 'http://localhost:9001/b', PAGE, true],
  ['same host, default port', 'http://api.test/a', 'http://api.test:8080/b', PAGE, true],
  ['IPv6 host, other port', 'http://[::1]:9000/a', 'http://[::1]:9001/b', PAGE, true],
  ['other scheme', 'http://api.test/a', 'https://api.test/b', PAGE, false],
  ['other host', 'http://localhost:9000/a', 'http://127.0.0.1:9000/b', PAGE, false],
  ['cookie sent from another page origin', 'http://localhost:9000/a', 'http://localhost:9000/b', 'http://elsewhere.test', false],
  ['initiator unknown', 'http://localhost:9000/a', 'http://localhost:9000/b', null, false],
  ['not a URL', 'nonsense', 'nonsense', PAGE, false],
] as const)('%s → %s', (_label, seen, asked, initiator, marked) => {
  const [, later] = withRecordingEvidence([withCookie(seen, initiator), without(asked)]);
  expect(later?.cookiesSeenForHost === true).toBe(marked);
});

test('only what came before counts: a later cookie does not mark an earlier request', () => {
  const early = { ...without('http://localhost:9000/b'), startedAt: 0 };
  const late = { ...withCookie('http://localhost:9000/a'), startedAt: 5 };
  const [first] = withRecordingEvidence([early, late]);
  expect(first?.cookiesSeenForHost).toBeUndefined();
});
