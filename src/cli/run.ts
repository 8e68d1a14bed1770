// `cors-lens`: arguments in, output and an exit code out. The process itself (argv, streams,
// exit) is only touched by main.ts, so this runs in-process in tests.

import { version } from '../../package.json';
import type { AnalyzedExchange } from '../core/har/analyze-har';
import { analyzeRead, type HarAnalysis } from '../core/har/analyze-har';
import { readValidatedHar, type HarReadResult } from '../core/har/read-har';
import type { AnalyzeCommand } from './args';
import { parseArgs, USAGE } from './args';
import { auditRecording } from '../core/audit/audit';
import { findProblems } from '../core/problems/problems';
import { exchangeJsonWithFix, fixConfigSection, lookupServer, problemFixSection, serverList } from './fix-flag';
import { exchangeJson, writeJson } from './format-json';
import { formatCompactTable, formatVerboseTable, printable } from './format-table';
import { displayOrder } from './problem-lines';
import { NO_PROGRESS, progressLine, type Progress } from './progress';
import { readInput } from './read-input';
import { reportOutput } from './report-output';
import { redactRow } from './redact-rows';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdoutIsTTY: boolean;
  /** A progress line is drawn on stderr for long runs, only when it is a terminal. */
  readonly stderrIsTTY?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_BAD_INPUT = 2;

/** https://no-color.org: colour only on a terminal, and never when NO_COLOR is set and not empty. */
export function useColour(io: Pick<CliIo, 'stdoutIsTTY' | 'env'>): boolean {
  return io.stdoutIsTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

function shown(all: readonly AnalyzedExchange[], command: AnalyzeCommand): AnalyzedExchange[] {
  if (command.only === 'blocked') return all.filter((x) => x.analysis.verdict === 'blocked');
  // People want cross-origin rows; JSON consumers get every exchange unless they ask.
  if (command.only === 'cross-origin' || !command.json) return all.filter((x) => x.crossOrigin);
  return [...all];
}

/**
 * In a function of its own so that the entry views are garbage once the exchanges are built,
 * before the analysis (a function's locals live until it returns: the views of a 100 MB HAR are
 * some 20 MB).
 */
async function readExchanges(file: string, io: CliIo, progress: Progress): Promise<HarReadResult> {
  const input = await readInput(file, io.stdin, (read, total) => progress.reading(read, total));
  return input.ok ? (progress.step('grouping exchanges'), readValidatedHar(input.har)) : input;
}

/**
 * Cookie and credential values and secret URL parameters are redacted from every output unless
 * `keepCredentials`: here, so that the rows as read are garbage once this returns (a redacted row
 * is a copy, and most rows of a real recording carry a cookie: 17 MB of a 100 MB HAR's).
 */
async function readAndAnalyze(file: string, name: string, io: CliIo, keepCredentials: boolean): Promise<HarAnalysis> {
  const progress = io.stderrIsTTY ? progressLine(io.stderr, printable(name)) : NO_PROGRESS;
  const read = await readExchanges(file, io, progress);
  const result = read.ok ? (progress.step('analysing'), analyzeRead(read)) : read;
  progress.done();
  return result.ok && !keepCredentials ? { ...result, exchanges: result.exchanges.map(redactRow) } : result;
}

async function analyze(command: AnalyzeCommand, io: CliIo): Promise<number> {
  const name = command.file === '-' ? '<stdin>' : command.file;
  const fail = (message: string): number => {
    io.stderr(`cors-lens: ${printable(name)}: ${printable(message)}\n`);
    return EXIT_BAD_INPUT;
  };
  // An unknown server is a usage mistake: say so before reading anything.
  const server = command.fix === null ? null : lookupServer(command.fix);
  if (server && !server.ok) {
    io.stderr(`cors-lens: ${printable(server.error)}\n`);
    return EXIT_BAD_INPUT;
  }
  const snippet = server?.ok ? server.snippet : null;
  const keep = command.includeCredentials === true;
  const result = await readAndAnalyze(command.file, name, io, keep);
  if (!result.ok) return fail(result.error);
  // Every entry that could be read is analysed; each one that could not is named, never dropped silently.
  for (const s of result.skipped) io.stderr(`cors-lens: ${printable(name)}: skipped entry ${s.entry}: ${printable(s.reason)}\n`);
  const { exchanges } = result;
  const rows = shown(exchanges, command);
  // The audit looks across every exchange (an endpoint echoing several origins), not only the rows shown.
  const audit = auditRecording(exchanges).byExchange;
  if (command.format) io.stdout(reportOutput(command.format, rows, { snippet, source: name, includeCredentials: keep }));
  else if (command.json) {
    const toJson = snippet ? (x: AnalyzedExchange) => exchangeJsonWithFix(x, snippet, audit) : (x: AnalyzedExchange) => exchangeJson(x, audit.get(x.exchange.id));
    writeJson(rows, toJson, io.stdout, findProblems(rows, audit), result.skipped);
  } else if (command.verbose) {
    io.stdout(formatVerboseTable(exchanges, rows, { colour: useColour(io), audit }) + (snippet ? fixConfigSection(rows, snippet) : ''));
  } else {
    // Problems of the rows shown (their `exchanges` are row indices), the same text together.
    const problems = displayOrder(findProblems(rows, audit));
    io.stdout(formatCompactTable(exchanges, rows, problems, { colour: useColour(io), audit }) + (snippet ? problemFixSection(problems, rows, snippet) : ''));
  }
  const blocked = exchanges.some((x) => x.analysis.verdict === 'blocked');
  return command.failOnBlocked && blocked ? EXIT_BLOCKED : EXIT_OK;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'help':
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    case 'fix-list':
      io.stdout(serverList());
      return EXIT_OK;
    case 'version':
      io.stdout(`cors-lens ${version}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr(`cors-lens: ${printable(command.message)}\n\n${USAGE}\n`);
      return EXIT_BAD_INPUT;
    case 'analyze':
      return analyze(command, io);
  }
}
