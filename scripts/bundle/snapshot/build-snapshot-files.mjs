// The start-up snapshot's files in the bundle folder (issue 16, fifth round; docs/start-up.md):
//   snapshot/main.cjs    the CLI as one CommonJS file, for `node --build-snapshot`
//   snapshot/late.mjs    (written by the ES-module build) the lazily imported packages
//   snapshot/import.cjs  an `import()` read from disk, for what main.cjs loads at run time
//   snapshot/build.cjs   writes a blob for the Node that runs it (at `pnpm bundle`, or on first run)
//   snapshot/warm/       the samples the blob is warmed with
//   migration-architect  the POSIX shell launcher: the blob for this Node when there is one, else
//                        the ES-module bundle
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { isWorkspaceSpecifier, workspaceOwner } from './late-imports.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const WARM_SAMPLES = ['sample_database_migration.json', 'sample_service_migration.json', 'database_schema_before.json', 'database_schema_after.json'];

/**
 * Workspace code loads things through its own location; the snapshot's heap has no location of its
 * own, so each use is rewritten to a global main.cjs sets at every start from the bundle's folder:
 * `import.meta.url` becomes the URL of the ES-module output that carries the same input (so files
 * placed beside it, WebAssembly, the SQLite worker, are found where the bundle finds them),
 * `createRequire(import.meta.url)` a require from the bundle's folder (its node_modules/), a lazy
 * `import("pkg")` the bundle's own chunk for it (snapshot/late.mjs), any other `import(x)` an
 * `import()` read from disk.
 */
function runTimeLoads(root, outputOf) {
  return {
    name: 'snapshot-run-time-loads',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        if (args.path.startsWith(here) || !/import\.meta|import\(|createRequire/.test(text)) return undefined;
        const owner = workspaceOwner(root, args.path);
        if (!owner) {
          if (/import\.meta|\bimport\(/.test(text)) throw new Error(`snapshot build: ${args.path} loads by its own location; keep its package lazy`);
          return undefined;
        }
        text = text.replace(
          /createRequire\d*\(import\.meta\.url\)\.resolve\("@electric-sql\/pglite"\)/g,
          'new URL("./pglite/dist/index.js", import.meta.url).pathname',
        );
        text = text.replace(/createRequire\d*\(import\.meta\.url\)/g, '((id) => globalThis.__maRequire(id))');
        text = text.replace(/\bimport\(("(?:@[^"/.][^"/]*\/)?[^"./][^"]*")\)/g, (whole, literal) =>
          isWorkspaceSpecifier(JSON.parse(literal)) ? whole : `globalThis.__maLate(${JSON.stringify(owner)}, ${literal})`,
        );
        text = text.replace(/\bimport\((?!["'])/g, 'globalThis.__maImport(');
        if (text.includes('import.meta.url')) {
          const output = outputOf.get(args.path);
          if (!output) throw new Error(`snapshot build: ${args.path} is in no output of the ES-module bundle`);
          text = text.replace(/\bimport\.meta\.url\b/g, `globalThis.__maUrl(${JSON.stringify(output)})`);
        }
        return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** Writes the snapshot's files and the launcher into `out`, beside the ES-module bundle built with `metafile`. */
export async function buildSnapshotFiles({ root, out, metafile }) {
  const outputOf = new Map();
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    for (const input of Object.keys(meta.inputs)) outputOf.set(resolve(root, input), relative(out, resolve(root, output)).split('\\').join('/'));
  }
  const dir = join(out, 'snapshot');
  mkdirSync(join(dir, 'warm'), { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(here, 'main-entry.js')],
    outfile: join(dir, 'main.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    plugins: [runTimeLoads(root, outputOf)],
    // The blob holds the source text: minified, it is 2.7 MB smaller (12.4 -> 9.8 MB), and
    // deserializing costs ~10 ms of CPU per MB. Names are kept: error and class names are output.
    minify: true,
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'linked',
  });
  copyFileSync(join(here, 'import.cjs'), join(dir, 'import.cjs'));
  copyFileSync(join(here, 'build-blob.cjs'), join(dir, 'build.cjs'));
  for (const sample of WARM_SAMPLES) copyFileSync(join(root, 'examples', sample), join(dir, 'warm', sample));
  writeFileSync(join(out, 'migration-architect'), readFileSync(join(here, 'launcher.sh'), 'utf8'));
  chmodSync(join(out, 'migration-architect'), 0o755);
  return { bytes: Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0) };
}
