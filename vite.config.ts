// Extension build: one manifest, two browsers. `CORS_LENS_BROWSER=chrome|firefox` (or `--mode firefox`)
// picks the target; scripts/build.mjs runs both. crxjs rewrites `background` per browser: the Chrome
// output keeps only `service_worker`, the Firefox output only `scripts` (with only
// `service_worker` in the manifest the Firefox build fails inside crxjs).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import license from 'rollup-plugin-license';
import manifestJson from './manifest.json' with { type: 'json' };

// JSON imports widen literals (`manifest_version: number`); the file is the MV3 manifest crxjs expects.
const manifest = manifestJson as ManifestV3Export;

type TargetBrowser = 'chrome' | 'firefox';

function targetBrowser(mode: string): TargetBrowser {
  const fromEnv = process.env['CORS_LENS_BROWSER'];
  const name = fromEnv ?? (mode === 'firefox' ? 'firefox' : 'chrome');
  if (name !== 'chrome' && name !== 'firefox') throw new Error(`CORS_LENS_BROWSER must be chrome or firefox, not ${name}`);
  return name;
}

export default defineConfig(({ mode }) => {
  const browser = targetBrowser(mode);
  return {
    plugins: [
      preact(),
      crx({ manifest, browser }),
      // The bundle strips the packages' license headers (webextension-polyfill is MPL-2.0): list every
      // package that ends up in it, with its license text, in a file that ships in both zips.
      license({
        // The plugin reads package.json from `cwd` and writes `file` relative to the process's working
        // directory: both pinned to the project, wherever the build runs from.
        cwd: fileURLToPath(new URL('.', import.meta.url)),
        thirdParty: {
          includePrivate: false,
          output: {
            file: fileURLToPath(new URL(`extension/${browser}/THIRD-PARTY-NOTICES.txt`, import.meta.url)),
            template: (packages) =>
              packages
                .map((p) => [`${p.name} ${p.version ?? ''}`, `License: ${p.license ?? 'unknown'}`, `Source: ${p.homepage ?? `https://www.npmjs.com/package/${p.name}`}`, '', p.licenseText ?? ''].join('\n'))
                .join('\n\n----------------------------------------\n\n'),
          },
        },
      }),
    ],
    build: {
      outDir: `extension/${browser}`,
      emptyOutDir: true,
      // Stores review the code: keep it readable, and ship no source maps that would point at local paths.
      minify: false,
      sourcemap: false,
      // The panel is not referenced from the manifest (devtools.panels.create names it at run time),
      // so crxjs cannot find it on its own.
      rollupOptions: { input: { panel: 'src/panel/panel.html' } },
    },
    // The dev server is never used for this extension; building is the only way to load it.
    server: { strictPort: true },
  };
});
