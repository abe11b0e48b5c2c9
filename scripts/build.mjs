// Bundles the CLI and the action into dist/, which is committed (GitHub runs actions from the
// repository as-is, with no install step). The output must be byte-for-byte reproducible:
// CI rebuilds and fails when it differs from what is committed.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The action splits what only some runs need (Octokit, badge-maker) into chunks loaded on first
// use: a runner reads and compiles only what a run uses, which is most of its start-up time.
const entries = [
  { in: 'src/cli/index.ts', out: 'cli', shebang: true, splitting: false },
  { in: 'src/action/index.ts', out: 'index', shebang: false, splitting: true },
].filter((e) => existsSync(e.in));

/**
 * @actions/core imports @actions/http-client (for OIDC tokens, which trackrecord never asks for),
 * and with it undici and tunnel, 800 KB that would load on every start. None of the three does
 * anything when loaded, but their package.json files do not say so; saying it here lets esbuild
 * leave them out of the entry and load them with Octokit, the one part that uses them.
 */
const sideEffectFree = /^(@actions\/http-client|undici|tunnel)(\/|$)/;
const markSideEffectFree = {
  name: 'mark-side-effect-free',
  setup(build) {
    build.onResolve({ filter: sideEffectFree }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const { path, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      return errors.length > 0 ? { errors } : { path, sideEffects: false };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');

const bundled = new Set();
for (const entry of entries) {
  const result = await build({
    entryPoints: { [entry.out]: entry.in },
    outdir: 'dist',
    bundle: true,
    splitting: entry.splitting,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [markSideEffectFree],
    // Bundled CommonJS dependencies call require(); give them a real one in this ES module.
    banner: {
      js: [
        entry.shebang ? '#!/usr/bin/env node' : '',
        "import { createRequire as __trackrecordCreateRequire } from 'node:module';",
        'const require = __trackrecordCreateRequire(import.meta.url);',
      ]
        .filter(Boolean)
        .join('\n'),
    },
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
    if (match) bundled.add(match.at(-1).slice('node_modules/'.length, -1));
  }
}

writeFileSync('dist/licenses.txt', licenses([...bundled].sort()));

/** The licence of every bundled package: bundling must not strip the notices they require. */
function licenses(names) {
  return names
    .map((name) => {
      const dir = join('node_modules', name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE'].find((f) => existsSync(join(dir, f)));
      const text = file
        ? readFileSync(join(dir, file), 'utf8').trim()
        : `(no licence file; package.json says ${pkg.license})`;
      return `${name}@${pkg.version}\n${pkg.license ?? ''}\n${text}\n`;
    })
    .join('\n-----\n\n');
}
