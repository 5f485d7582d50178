// Copied to dist/snapshot/build.cjs: writes a start-up snapshot blob of snapshot/main.cjs for the
// Node running it, named `<node --version>-<uname -m>-<bytes>.blob`, which is how the launcher
// (dist/migration-architect) knows it is for its Node and whole. `pnpm bundle` runs it into
// dist/snapshot/; the launcher, on a first run without a blob, in the background into the per-user
// cache. The blob is written beside its final name and renamed only once it has run `--version`
// as the ES-module bundle does, so a half-written or broken blob never carries a blob's name.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

function option(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const here = __dirname;
const entry = join(here, '..', 'migration-architect.mjs');
const into = option('--into') ?? here;
const key = option('--key') ?? `${process.version}-${execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim()}`;
const lock = option('--lock');
const temporary = join(into, `.${key}.${process.pid}.tmp`);

function build() {
  mkdirSync(into, { recursive: true });
  const made = spawnSync(process.execPath, ['--snapshot-blob', temporary, '--build-snapshot', join(here, 'main.cjs')], {
    cwd: here,
    env: { ...process.env, MIGRATION_ARCHITECT_SNAPSHOT_WARM: join(here, 'warm'), MIGRATION_ARCHITECT_SNAPSHOT_ENTRY: entry },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`node --build-snapshot failed (${made.status ?? made.signal}): ${made.stderr}`);
  const version = (args) => spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const expected = version([entry, '--version']);
  const got = version(['--snapshot-blob', temporary, entry, '--version']);
  if (got.status !== 0 || got.stdout !== expected.stdout || got.stderr !== expected.stderr)
    throw new Error(`the snapshot does not run as the bundle does: ${JSON.stringify(got.stdout)} ${got.stderr}`);
  for (const name of readdirSync(into)) if (name.startsWith(`${key}-`) && name.endsWith('.blob')) rmSync(join(into, name), { force: true });
  const blob = join(into, `${key}-${statSync(temporary).size}.blob`);
  renameSync(temporary, blob);
  return blob;
}

try {
  const blob = build();
  if (!option('--into')) console.log(`snapshot: ${blob}`);
} catch (error) {
  rmSync(temporary, { force: true });
  // The launcher does not try again for this Node: it runs the ES-module bundle.
  if (option('--into')) {
    try {
      writeFileSync(join(into, `${key}.failed`), `${error.stack ?? error}\n`);
    } catch {}
  }
  console.error(`snapshot: not built (${error.message})`);
  process.exitCode = 1;
} finally {
  if (lock) rmSync(lock, { recursive: true, force: true });
}
