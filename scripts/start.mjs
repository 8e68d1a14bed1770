// `npm start`: build the extension, then run the demo (scripts/demo.ts, through tsx): a two-origin
// loopback demo site and Chromium with CORS Lens loaded and DevTools open on it. Without a display
// it runs headless, writes a screenshot of the CORS panel and prints where.
// Options (after `npm start --`): --no-build, --headless, --out <file.png>.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingBrowser } from '../test/support/browser-executables.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

// Say what is missing before a build the demo could not use, not as a stack trace after it.
const noChromium = missingBrowser('chromium');
if (noChromium) {
  console.error(`npm start: ${noChromium}`);
  process.exit(1);
}

if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const demo = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'demo.ts'), ...args.filter((a) => a !== '--no-build')], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the child through the terminal's process group; just wait for it.
process.on('SIGINT', () => undefined);
demo.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
