#!/usr/bin/env node
// A user-land start-up snapshot, measured by hand (issue 16, third round; the experiment behind
// the snapshot `pnpm bundle` now ships, scripts/bundle/snapshot/, see docs/start-up.md): the workspace CLI and the database and service plugins bundled into one
// CommonJS file, loaded into a V8 heap and written as a blob by `node --build-snapshot`, then run
// with `node --snapshot-blob`. Heavy optional packages (pg, PGlite, libpg-query, yaml, the OpenAPI
// and GraphQL parsers, c12) stay outside, required from the workspace at run time: a deserialized
// main has no `import()` (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), but `createRequire` works, and
// so does `require` of an ES module on Node >= 20.19.
//
// Three blobs: `empty` (Node's own heap), `loaded` (the code loaded, nothing run), `warmed` (after
// a plan of each sample and a check, so lazily built zod schemas, compiled regular expressions and
// the like are in the heap). Each is timed as whole processes in pairs with `node -e ''`, as
// scripts/bench/startup-bench.mjs does, with a main that returns at once (the cost of
// deserializing) and running `plan` on the database sample. Run after `pnpm build`:
// `BENCH_RUNS=9 node scripts/bench/startup-snapshot.mjs`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timeNodeProcess } from './process-time.mjs';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const work = mkdtempSync(join(tmpdir(), 'ma-snapshot-'));
const LATE = ['pg', 'pg-native', '@electric-sql/pglite', 'libpg-query', 'sql.js', 'yaml', 'jsonc-parser', '@redocly/openapi-core', 'c12', 'exsolve'];
const LATE_TOO = ['graphql', '@graphql-inspector/core', '@migration-architect/reconcile', '@migration-architect/gate'];
const late = [...LATE, ...LATE_TOO];
const isLate = (specifier) => late.some((name) => specifier === name || specifier.startsWith(`${name}/`));

const entry = join(work, 'entry.mjs');
writeFileSync(
  entry,
  `import { runCli } from ${JSON.stringify(join(root, 'apps/cli/dist/index.js'))};
const v8 = require('node:v8');
const quiet = { stdout() {}, stderr() {}, env: {}, cwd: ${JSON.stringify(root)}, stderrIsTty: false };
async function warm() {
  await runCli(['plan', 'examples/sample_database_migration.json'], quiet);
  await runCli(['plan', 'examples/sample_service_migration.json'], quiet);
  await runCli(['check', '--type', 'database', 'examples/database_schema_before.json', 'examples/database_schema_after.json'], quiet);
}
(process.env.SNAPSHOT_WARM === '1' ? warm() : Promise.resolve()).then(() => {
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    if (process.argv[1] === 'noop') return;
    globalThis.__maLateRequire = require('node:module').createRequire(${JSON.stringify(join(root, 'apps/cli/package.json'))});
    runCli(process.argv.slice(1)).then((code) => { process.exitCode = code; });
  });
});
`,
);

// Workspace builds load their optional packages with createRequire(import.meta.url) or import():
// both become a require made at run time (the snapshot's own require loads built-ins only).
const lateLoads = {
  name: 'late-loads',
  setup(b) {
    b.onLoad({ filter: /[\\/](packages|plugins|apps)[\\/][^\\/]+[\\/]dist[\\/][^\\/]+\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      text = text.replace(/createRequire\d*\(import\.meta\.url\)\.resolve/g, 'globalThis.__maLateRequire.resolve');
      text = text.replace(/createRequire\d*\(import\.meta\.url\)/g, '((id) => globalThis.__maLateRequire(id))');
      text = text.replace(/\bimport\(("(?:@[^"/]+\/)?[^"./][^"]*")\)/g, (whole, specifier) =>
        isLate(JSON.parse(specifier)) ? `Promise.resolve().then(() => globalThis.__maLateRequire(${specifier}))` : whole,
      );
      return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};
const script = join(work, 'snapshot-entry.cjs');
await build({
  entryPoints: [entry],
  outfile: script,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: late.flatMap((name) => [name, `${name}/*`]),
  plugins: [lateLoads],
  logLevel: 'error',
});
const emptyScript = join(work, 'empty.cjs');
writeFileSync(emptyScript, "require('node:v8').startupSnapshot.setDeserializeMainFunction(() => {});\n");

function buildBlob(name, from, env = {}) {
  const blob = join(work, `${name}.blob`);
  const result = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', from], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`building the ${name} snapshot failed`);
  return { name, blob, mb: statSync(blob).size / 1e6 };
}
const blobs = [buildBlob('empty', emptyScript), buildBlob('loaded', script), buildBlob('warmed', script, { SNAPSHOT_WARM: '1' })];

const timeProcess = (args) => timeNodeProcess(args, root);

const sample = join(root, 'examples/sample_database_migration.json');
const rows = [
  ...blobs.map((b) => ({ name: `${b.name} blob (${b.mb.toFixed(1)} MB), main returns`, args: ['--snapshot-blob', b.blob, 'noop'] })),
  { name: 'warmed blob, plan (database sample)', args: ['--snapshot-blob', blobs[2].blob, 'plan', sample] },
  { name: 'workspace CLI, plan (database sample)', args: [join(root, 'apps/cli/dist/bin.js'), 'plan', sample] },
];
console.log(`start-up snapshot: whole-process CPU and wall against node -e '', ${RUNS} pairs each, median (range)`);
for (const row of rows) {
  const { status } = timeProcess(row.args);
  const cpu = [];
  const wall = [];
  for (let i = 0; i < RUNS; i++) {
    const base = timeProcess(['-e', '']);
    const run = timeProcess(row.args);
    cpu.push(run.cpu / Math.max(base.cpu, 1));
    wall.push(run.ms / base.ms);
  }
  console.log(
    `  ${row.name.padEnd(40)} cpu ${median(cpu).toFixed(2)} (${Math.min(...cpu).toFixed(2)}-${Math.max(...cpu).toFixed(2)}), wall ${median(wall).toFixed(2)} (${Math.min(...wall).toFixed(2)}-${Math.max(...wall).toFixed(2)}); exit ${status}`,
  );
}
rmSync(work, { recursive: true, force: true });
