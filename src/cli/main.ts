// Entry of the built CLI (dist/cli.js, see vite.cli.config.ts); bin/cors-lens.js calls main().
// The only file that touches the process.

import { EXIT_BAD_INPUT, run } from './run';

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  // `cors-lens analyze x.har | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    return await run(argv, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      stdin: process.stdin,
      stdoutIsTTY: process.stdout.isTTY === true,
      stderrIsTTY: process.stderr.isTTY === true,
      env: process.env,
    });
  } catch (error) {
    // A bug of ours: still one line, never a stack trace (set CORS_LENS_DEBUG=1 to see it).
    if (process.env.CORS_LENS_DEBUG) console.error(error);
    process.stderr.write(`cors-lens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_BAD_INPUT;
  }
}
