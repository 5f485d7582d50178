#!/usr/bin/env node
// The single-folder CLI: apps/cli and the built-in plugins bundled into dist/migration-architect.mjs
// (plus lazily loaded chunks in dist/chunks/) with the WebAssembly and data files PGlite, libpg-query
// and sql.js read at run time copied where those libraries look for them. It runs from a clone of
// this repository before any package is published: `node dist/migration-architect.mjs plan ...`,
// or copy the dist/ folder anywhere. Needs the workspace built first (`pnpm bundle` does both).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildSnapshotFiles } from './snapshot/build-snapshot-files.mjs';
import { lateEntryPlugin, lateImports, NAMED_EXPORTS } from './snapshot/late-imports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const out = resolve(process.env.MIGRATION_ARCHITECT_BUNDLE_DIR ?? join(root, 'dist'));
const cli = join(root, 'apps/cli');

/*
 * Workspace packages load some CommonJS dependencies lazily through `createRequire(import.meta.url)`
 * (yaml, graphql). esbuild bundles only calls of the free `require`, so the bundle rewrites those
 * local `require` functions to the free one; esbuild then inlines the module behind a lazy wrapper.
 * PGlite's version is read from its package.json next to its entry point: the bundle keeps a copy.
 */
const workspaceRequires = {
  name: 'workspace-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/](packages|plugins|apps)[\\/][^\\/]+[\\/]dist[\\/][^\\/]+\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      text = text.replace(
        /createRequire\d*\(import\.meta\.url\)\.resolve\("@electric-sql\/pglite"\)/g,
        'new URL("./pglite/dist/index.js", import.meta.url).pathname',
      );
      for (const match of text.matchAll(/(?:const|var|let) (\w+) = createRequire\d*\(import\.meta\.url\);/g)) {
        const name = match[1];
        text = text.replace(match[0], '');
        if (name !== 'require') text = text.replace(new RegExp(`\\b${name}\\(`, 'g'), 'require(');
      }
      // Named exports for lazily imported CommonJS packages, as Node gives them (NAMED_EXPORTS).
      if (/import\("[^".]/.test(text)) {
        text = text.replace(/\bimport\(("[^".][^"]*")\)/g, 'import($1).then(__maNamedExports)');
        text += `\n${NAMED_EXPORTS}\n`;
      }
      return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/*
 * CommonJS packages the workspace requires lazily, on the paths that read YAML, JSONC or GraphQL,
 * mapped to a workspace package that depends on them. Bundled, they would be part of the start-up
 * graph (esbuild inlines a `require` into the chunk that makes it): V8 compiled yaml's 266 KB at
 * every database `plan`, graphql and GraphQL Inspector's 1.3 MB at every service `plan`. They stay
 * outside the bundle, copied as installed packages into dist/node_modules/, where Node's own
 * resolution finds them from any file of the bundle, and are read only when required.
 */
const LAZY_PACKAGES = {
  yaml: 'packages/core',
  'jsonc-parser': 'packages/core',
  graphql: 'plugins/service',
  '@graphql-inspector/core': 'plugins/service',
};

/** The folder of package `name` as resolved from `fromDir`. */
function packageDir(name, fromDir) {
  let dir = dirname(createRequire(join(fromDir, 'package.json')).resolve(name));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    if (dirname(dir) === dir) throw new Error(`cannot find the folder of ${name} from ${fromDir}`);
    dir = dirname(dir);
  }
  return realpathSync(dir);
}

/** Copies a package and its dependencies (flat, as npm would lay them out) into dist/node_modules/. */
function copyPackage(name, fromDir, copiedPackages) {
  if (copiedPackages.has(name)) return;
  copiedPackages.add(name);
  const dir = packageDir(name, fromDir);
  cpSync(dir, join(out, 'node_modules', name), {
    recursive: true,
    filter: (source) => !/[\/]node_modules$|\.d\.[cm]?ts$|\.map$/.test(source),
  });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const dependency of Object.keys(manifest.dependencies ?? {})) copyPackage(dependency, dir, copiedPackages);
}

rmSync(out, { recursive: true, force: true });
const lateOwners = lateImports(root);
const result = await build({
  absWorkingDir: root,
  // snapshot/late.mjs: the lazily imported packages, for the start-up snapshot's build (below).
  entryPoints: { 'migration-architect': join(cli, 'dist/bin.js'), 'snapshot/late': 'ma-snapshot-late' },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Optional native accelerators some drivers probe for; without them they use their JS code.
  external: ['pg-native', 'cloudflare:sockets', ...Object.keys(LAZY_PACKAGES).flatMap((name) => [name, `${name}/*`])],
  banner: {
    // CommonJS code inside the bundle (sql.js, libpg-query, pg) expects these.
    js: [
      "import { createRequire as __maCreateRequire } from 'node:module';",
      "import { fileURLToPath as __maFileURLToPath } from 'node:url';",
      "import { dirname as __maDirname } from 'node:path';",
      'const require = __maCreateRequire(import.meta.url);',
      'const __filename = __maFileURLToPath(import.meta.url);',
      'const __dirname = __maDirname(__filename);',
    ].join('\n'),
  },
  plugins: [workspaceRequires, lateEntryPlugin(root, lateOwners)],
  metafile: true,
  logLevel: 'warning',
  legalComments: 'linked',
});

/*
 * Files the bundled libraries read beside their own code: every `new URL("<file>", import.meta.url)`
 * in an output is resolved against the input file that wrote it and copied to the same place
 * relative to that output; emscripten modules that look in `__dirname` get their .wasm beside them.
 */
const BESIDE_DIRNAME = { 'sql.js': 'dist/sql-wasm.wasm', 'libpg-query': 'wasm/libpg-query.wasm' };
const copied = new Set();
function copyAsset(from, to) {
  if (copied.has(to) || !existsSync(from) || !statSync(from).isFile()) return;
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  copied.add(to);
}
for (const [output, meta] of Object.entries(result.metafile.outputs)) {
  if (!output.endsWith('.mjs')) continue;
  const outputFile = join(root, output);
  const text = readFileSync(outputFile, 'utf8');
  const inputs = Object.keys(meta.inputs).map((input) => join(root, input.replace(/^[^:]*:/, '')));
  const references = new Set([...text.matchAll(/new URL\(\s*["'](\.{1,2}\/[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)].map((m) => m[1]));
  for (const reference of references) {
    const from = inputs
      .filter((input) => existsSync(input) && readFileSync(input, 'utf8').includes(reference))
      .map((input) => resolve(dirname(input), reference))
      .find((file) => existsSync(file));
    if (from && !/\.[cm]?js$/.test(from)) copyAsset(from, resolve(dirname(outputFile), reference));
    // reconcile's SQLite reader is a worker on a native module (better-sqlite3): not carried. In its
    // place, a worker that fails with a sentence saying so.
    else if (reference === './sqlite-worker.js') {
      writeFileSync(
        resolve(dirname(outputFile), reference),
        "throw new Error('reading SQLite files needs the native better-sqlite3 module, which the single-folder build does not carry; use the installed packages (npm i @migration-architect/cli @migration-architect/reconcile)');\n",
      );
    }
  }
  for (const [pkg, asset] of Object.entries(BESIDE_DIRNAME)) {
    const owner = inputs.find((input) => input.includes(`/node_modules/${pkg}/`));
    if (owner)
      copyAsset(join(owner.slice(0, owner.indexOf(`/node_modules/${pkg}/`)), 'node_modules', pkg, asset), join(dirname(outputFile), asset.split('/').at(-1)));
  }
  if (text.includes('./pglite/dist/index.js')) {
    const pglite = dirname(dirname(createRequire(join(root, 'plugins/database/package.json')).resolve('@electric-sql/pglite')));
    copyAsset(join(pglite, 'package.json'), join(dirname(outputFile), 'pglite/package.json'));
  }
}
const lazyPackages = new Set();
for (const [name, owner] of Object.entries(LAZY_PACKAGES)) copyPackage(name, join(root, owner), lazyPackages);
// The start-up snapshot (CommonJS build, launcher) and a blob for the Node running this build.
const snapshot = await buildSnapshotFiles({ root, out, metafile: result.metafile });
const blob =
  process.platform === 'win32' || process.env.MIGRATION_ARCHITECT_SNAPSHOT === 'off'
    ? { status: 0, stdout: 'snapshot: no blob built (POSIX only, or MIGRATION_ARCHITECT_SNAPSHOT=off)\n' }
    : spawnSync(process.execPath, [join(out, 'snapshot/build.cjs')], { encoding: 'utf8' });
// A blob that fails to build leaves the launcher on the ES-module bundle; say so, but the bundle stands.
process.stdout.write(blob.stdout ?? '');
process.stderr.write(blob.stderr ?? '');
// Mark the folder as ES modules for Node, whatever package.json sits above it.
writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
const size = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `bundle: ${relative(process.cwd(), join(out, 'migration-architect.mjs'))}, ${Object.keys(result.metafile.outputs).length} files of code (${(size / 1e6).toFixed(1)} MB), ${copied.size} assets copied, ${lazyPackages.size} packages read on demand in node_modules/; snapshot/main.cjs ${(snapshot.bytes / 1e6).toFixed(1)} MB and the launcher ${relative(process.cwd(), join(out, 'migration-architect'))}`,
);
