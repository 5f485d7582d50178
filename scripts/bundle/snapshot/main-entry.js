// The start-up snapshot's main (built into dist/snapshot/main.cjs by build-snapshot-files.mjs).
// Run by `node --build-snapshot`, it loads the CLI and, with MIGRATION_ARCHITECT_SNAPSHOT_WARM set to
// a folder of samples, runs a few commands there so lazily built schemas and compiled code are in
// the heap. Deserialized (`node --snapshot-blob <blob> <dir>/migration-architect.mjs ...args`, what
// dist/migration-architect does), it runs the CLI on the arguments as the ES-module bundle would.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startupSnapshot } from 'node:v8';
import { runCli } from '@migration-architect/cli';

// Set at each start from the bundle's own folder: what the rewritten `createRequire(import.meta.url)`,
// `import.meta.url` and `import()` of the workspace code call (build-snapshot-files.mjs).
function placeBundle(entry) {
  const dir = dirname(entry);
  const requireFromBundle = createRequire(entry);
  let importer;
  const load = (specifier) => {
    // A deserialized main has no import(); a file read from disk at run time has.
    importer ??= requireFromBundle('./snapshot/import.cjs');
    return importer(specifier);
  };
  globalThis.__maRequire = requireFromBundle;
  globalThis.__maImport = load;
  globalThis.__maLate = (owner, specifier) =>
    load(pathToFileURL(join(dir, 'snapshot/late.mjs')).href).then((late) => late.owners[owner](specifier));
  globalThis.__maUrl = (output) => pathToFileURL(join(dir, output)).href;
}

const quiet = (cwd) => ({ stdout() {}, stderr() {}, env: {}, cwd, stderrIsTty: false });
async function warm(dir) {
  await runCli(['plan', 'sample_database_migration.json'], quiet(dir));
  await runCli(['plan', 'sample_service_migration.json'], quiet(dir));
  await runCli(['check', 'database_schema_before.json', 'database_schema_after.json'], quiet(dir));
  await runCli(['check', '--type', 'database', 'database_schema_before.json', 'database_schema_after.json'], quiet(dir));
}

const warmDir = process.env.MIGRATION_ARCHITECT_SNAPSHOT_WARM;
placeBundle(process.env.MIGRATION_ARCHITECT_SNAPSHOT_ENTRY ?? join(process.cwd(), 'migration-architect.mjs'));
(warmDir ? warm(warmDir) : Promise.resolve()).then(() => {
  startupSnapshot.setDeserializeMainFunction(() => {
    // Node gives an ES-module main's argv[1] resolved; so does the launcher, but not every caller.
    process.argv[1] = resolve(process.argv[1]);
    placeBundle(process.argv[1]);
    runCli(process.argv.slice(2)).then((code) => {
      process.exitCode = code;
    });
  });
});
