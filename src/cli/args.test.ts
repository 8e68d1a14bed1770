import { describe, expect, test } from 'vitest';
import { parseArgs, type Command } from './args';

const analyze = (over: Partial<Command & { verbose: boolean }> = {}): Command => ({ kind: 'analyze', file: 'x.har', json: false, failOnBlocked: false, only: null, fix: null, ...over }) as Command;

describe('parseArgs', () => {
  test.each<[string[], Command]>([
    [['analyze', 'x.har'], analyze()],
    [['analyze', '--json', 'x.har'], analyze({ json: true })],
    [['analyze', 'x.har', '--fail-on', 'blocked'], analyze({ failOnBlocked: true })],
    [['analyze', 'x.har', '--fail-on=blocked', '--json'], analyze({ failOnBlocked: true, json: true })],
    [['analyze', 'x.har', '--only', 'blocked'], analyze({ only: 'blocked' })],
    [['analyze', '--only=cross-origin', 'x.har'], analyze({ only: 'cross-origin' })],
    [['analyze', '-'], analyze({ file: '-' })],
    [['--help'], { kind: 'help' }],
    [['analyze', 'x.har', '-h'], { kind: 'help' }],
    [['--version'], { kind: 'version' }],
    [['-v'], { kind: 'version' }],
    [[], { kind: 'usage-error', message: 'missing command' }],
    [['analyse', 'x.har'], { kind: 'usage-error', message: "unknown command 'analyse'" }],
    [['analyze'], { kind: 'usage-error', message: 'missing HAR file' }],
    [['analyze', 'a.har', 'b.har'], { kind: 'usage-error', message: 'one HAR file at a time (got 2)' }],
    [['analyze', 'x.har', '--fail-on'], { kind: 'usage-error', message: '--fail-on needs a value (blocked)' }],
    [['analyze', 'x.har', '--fail-on', 'warning'], { kind: 'usage-error', message: "--fail-on must be blocked, not 'warning'" }],
    [['analyze', 'x.har', '--only', 'all'], { kind: 'usage-error', message: "--only must be blocked or cross-origin, not 'all'" }],
    [['analyze', 'x.har', '--jsn'], { kind: 'usage-error', message: "unknown option '--jsn'" }],
    [['analyze', 'x.har', '--json=yes'], { kind: 'usage-error', message: "unknown option '--json=yes'" }],
    [['analyze', 'x.har', '--fix', 'nginx'], analyze({ fix: 'nginx' })],
    [['analyze', 'x.har', '--verbose'], analyze({ verbose: true })],
    [['analyze', 'x.har', '--verbose=yes'], { kind: 'usage-error', message: "unknown option '--verbose=yes'" }],
    [['analyze', '--fix=express', '--json', 'x.har'], analyze({ fix: 'express', json: true })],
    // Checked against the snippet registry by run.ts, with a one-line error.
    [['analyze', 'x.har', '--fix', 'iis'], analyze({ fix: 'iis' })],
    [['analyze', '--fix', 'list'], { kind: 'fix-list' }],
    [['analyze', 'x.har', '--fix', 'list'], { kind: 'fix-list' }],
    [['analyze', 'x.har', '--fix'], { kind: 'usage-error', message: '--fix needs a value (a server id, or list)' }],
    [['analyze', 'x.har', '--fix='], { kind: 'usage-error', message: '--fix needs a value (a server id, or list)' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });
});
