// The source package AMO asks for when the submitted code is bundled: the repository at HEAD as
// `git archive` gives it, plus REVIEWERS.md (the build environment and the exact commands). The
// archive is made from a commit object that adds REVIEWERS.md to HEAD's tree, with HEAD's dates,
// so the same commit gives the same zip bytes (git archive stamps entries with the commit time).
// The commit is never referenced by a branch: `git gc` drops it.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a reviewer runs in the unpacked source package; the e2e test runs these same lines. */
export const REVIEWER_COMMANDS = ['npm ci --no-audit --no-fund', 'npm run build-for-amo'];
export const FIREFOX_OUTPUT = 'extension/cors-lens-firefox.zip';

function osName() {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty}, ${process.arch}`;
  } catch {
    // Not Linux: the platform name below says enough.
  }
  return `${process.platform} ${process.arch}`;
}

/**
 * @param {{ nodeVersion: string, npmVersion: string, firefoxZipSha256: string, commit: string }} build
 */
export function reviewersMd(build) {
  return `# Building CORS Lens from source (addons.mozilla.org reviewers)

This archive is the CORS Lens repository at commit ${build.commit} (\`git archive\`), plus this file.
The submitted \`cors-lens-firefox.zip\` was built from exactly these files.

## Environment it was built in

- ${osName()}
- Node.js ${build.nodeVersion} (the version in \`.node-version\`; \`package.json\` \`engines\` accepts \`^22.13.0 || >=24\`)
- npm ${build.npmVersion}
- Network: only the npm registry, for \`npm ci\` (every version is pinned in \`package-lock.json\`)

The build has no native step of its own. Its bundler (Vite 8 with Rolldown) comes as prebuilt binaries
for each platform, linux-arm64 included, which \`npm ci\` picks for the machine.

## Commands

From the directory this archive was unpacked into:

\`\`\`sh
${REVIEWER_COMMANDS.join('\n')}
\`\`\`

\`npm ci\` also runs the \`prepare\` script, which builds the command-line tool (\`dist/\`, not part of the
add-on). \`npm run build-for-amo\` runs \`node scripts/build.mjs firefox\`: Vite with @crxjs/vite-plugin
bundles \`src/\` for Firefox (not minified), \`scripts/build-icons.mjs\` draws the icons,
rollup-plugin-license writes \`THIRD-PARTY-NOTICES.txt\`, the files are zipped with fixed timestamps
and \`web-ext lint\` checks the result.

## Output

- \`${FIREFOX_OUTPUT}\`: the submitted file, byte for byte.
  SHA-256: \`${build.firefoxZipSha256}\` (\`sha256sum ${FIREFOX_OUTPUT}\`)
- \`extension/firefox/\`: the same files, unpacked.

Where the code is: \`src/background\` (the recorder), \`src/devtools\` (the DevTools page), \`src/panel\`
(the panel, Preact), \`src/core\` (the analyzer, pure TypeScript), \`src/platform\` (every browser API
call). ARCHITECTURE.md explains how they fit together.
`;
}

const git = (root, args, env = {}) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } }).trim();

/** Files changed or added since HEAD (ignored files excepted): the source package would not match them. */
export function uncommittedChanges(root) {
  return git(root, ['status', '--porcelain']);
}

/** Writes `zipPath`: HEAD's tree plus REVIEWERS.md holding `reviewers`, through `git archive`. */
export function writeSourceZip(root, zipPath, reviewers) {
  const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: root, input: reviewers, encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-index-'));
  try {
    const index = { GIT_INDEX_FILE: join(dir, 'index') };
    git(root, ['read-tree', 'HEAD'], index);
    git(root, ['update-index', '--add', '--cacheinfo', `100644,${blob},REVIEWERS.md`], index);
    const tree = git(root, ['write-tree'], index);
    const date = git(root, ['log', '-1', '--format=%cI', 'HEAD']);
    const who = { GIT_AUTHOR_NAME: 'cors-lens package', GIT_AUTHOR_EMAIL: 'package@cors-lens.invalid', GIT_COMMITTER_NAME: 'cors-lens package', GIT_COMMITTER_EMAIL: 'package@cors-lens.invalid' };
    const commit = git(root, ['commit-tree', tree, '-p', 'HEAD', '-m', 'Source package: HEAD plus REVIEWERS.md'], { ...who, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    git(root, ['archive', '--format=zip', '-o', zipPath, commit]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
