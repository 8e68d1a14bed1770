// Command-line arguments → what to do. No I/O here: `run.ts` acts on the result.
// Extension point: new options of `analyze` (such as `--fix <server>` from the server-fix
// issue) go into OPTIONS with their values, and into AnalyzeCommand.

import { REPORT_FORMATS, type ReportFormat } from '../core/report/render-report';

export type OnlyFilter = 'blocked' | 'cross-origin';

export interface AnalyzeCommand {
  readonly kind: 'analyze';
  readonly file: string;
  readonly json: boolean;
  readonly failOnBlocked: boolean;
  readonly only: OnlyFilter | null;
  /** `--fix <server>`: a snippet registry id (checked in run.ts); null without the option. */
  readonly fix: string | null;
  /** `--format <f>`: a report (src/core/report) instead of the table; absent without the option. */
  readonly format?: ReportFormat;
  /** `--include-credentials`: keep cookies and credentials in a report, secret URL parameters in every output (redacted by default). */
  readonly includeCredentials?: boolean;
  /** `--verbose`: the table prints each exchange's cause, fix and findings under its row. */
  readonly verbose?: boolean;
}

export type Command =
  | AnalyzeCommand
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'fix-list' }
  | { readonly kind: 'usage-error'; readonly message: string };

export const USAGE = `Usage: cors-lens analyze <file.har> [options]

Reads a HAR file (Chrome, Firefox or CORS Lens export) and explains every cross-origin
exchange in it: simple, preflighted or blocked, exactly why, and the server fix. The table
has one line per exchange, then each problem (one cause at one endpoint) once, with its fix
and the rows it affects.

Options:
  --verbose                       under each row of the table: its cause, fix and security
                                  findings (instead of the list of problems)
  --json                          print the analysis as JSON (exchanges and problems)
  --fail-on blocked               exit with status 1 when any exchange is blocked
  --only blocked|cross-origin     show only blocked, or only cross-origin, exchanges
  --fix <server>                  print ready-to-paste configuration for <server> for each
                                  problem (with --verbose: each blocked exchange; with
                                  --json: a fixConfig field)
  --fix list                      list the servers (express, fastify, nginx, apache, ...)
  --format markdown|html|junit|sarif
                                  a report instead of the table: markdown or html for the
                                  server team (each failing endpoint once, with --fix <server>
                                  its configuration), junit or sarif for CI; cookies and
                                  credentials redacted
  --include-credentials           keep cookies and credentials: secret URL parameters
                                  (access_token, code, api_key, signatures...) and URL
                                  passwords are redacted from every output by default
  -h, --help                      show this help
  -v, --version                   show the version

Exit status: 0 done, 1 blocked exchanges found (with --fail-on blocked), 2 bad input or usage.`;

/** Options that take a value, and the values they accept. */
const VALUED: Readonly<Record<string, readonly string[]>> = {
  '--fail-on': ['blocked'],
  '--only': ['blocked', 'cross-origin'],
  '--format': REPORT_FORMATS,
};
const FLAGS = new Set(['--json', '--include-credentials', '--verbose']);
/** Options that take any value; run.ts checks it (the server ids live in the snippet registry). */
const OPEN_VALUED = new Set(['--fix']);

const usageError = (message: string): Command => ({ kind: 'usage-error', message });

export function parseArgs(argv: readonly string[]): Command {
  if (argv.some((a) => a === '-h' || a === '--help')) return { kind: 'help' };
  if (argv.some((a) => a === '-v' || a === '--version')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined) return usageError('missing command');
  if (command !== 'analyze') return usageError(`unknown command '${command}'`);
  const files: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    // `--only=blocked` and `--only blocked` both work, as in most CLIs.
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const accepted = VALUED[name];
    if (OPEN_VALUED.has(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') return usageError(`${name} needs a value (a server id, or list)`);
      values.set(name, value);
    } else if (accepted) {
      const value = inline ?? rest[++i];
      if (value === undefined) return usageError(`${name} needs a value (${accepted.join(' or ')})`);
      if (!accepted.includes(value)) return usageError(`${name} must be ${accepted.join(' or ')}, not '${value}'`);
      values.set(name, value);
    } else if (FLAGS.has(name) && inline === undefined) flags.add(name);
    else if (arg.startsWith('-') && arg !== '-') return usageError(`unknown option '${arg}'`);
    else files.push(arg);
  }
  if (values.get('--fix') === 'list') return { kind: 'fix-list' };
  if (files.length === 0) return usageError('missing HAR file');
  if (files.length > 1) return usageError(`one HAR file at a time (got ${files.length})`);
  const format = values.get('--format') as ReportFormat | undefined;
  if (format && flags.has('--json')) return usageError('--json and --format are alternatives: give one');
  return {
    kind: 'analyze',
    file: files[0] as string,
    json: flags.has('--json'),
    failOnBlocked: values.get('--fail-on') === 'blocked',
    only: (values.get('--only') as OnlyFilter | undefined) ?? null,
    fix: values.get('--fix') ?? null,
    ...(flags.has('--verbose') ? { verbose: true } : {}),
    ...(format ? { format, includeCredentials: flags.has('--include-credentials') } : flags.has('--include-credentials') ? { includeCredentials: true } : {}),
  };
}
