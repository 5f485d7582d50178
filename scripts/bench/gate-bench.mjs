#!/usr/bin/env node
// pnpm bench: `gate` as CI runs it (whole process, built CLI) on a repository whose history has
// 500 Flyway migrations (plus undo files), on a branch that adds one migration with its undo:
//   - first run: the 500 earlier migrations replayed on PGlite, the new one linted and its
//     up → down → up round trip replayed (goal: under 10 s);
//   - second run: the replay read from the cache (goal: under 3 s).
// PGlite's one-time data directory initialization (per machine and PGlite version) is timed apart.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commit, flywayHistory, git, initRepo, write } from '../../tooling/gate/history-repo.mjs';

const cli = join(import.meta.dirname, '../../apps/cli/dist/bin.js');
const dir = mkdtempSync(join(tmpdir(), 'ma-gate-bench-'));
const cache = join(dir, 'cache');
const repo = join(dir, 'repo');
const COUNT = 500;

function gate(cwd, args = []) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, 'gate', '--base', 'main', '--format', 'json', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, MIGRATION_ARCHITECT_CACHE_DIR: cache },
  });
  const ms = performance.now() - start;
  if (![0, 1, 2].includes(result.status)) throw new Error(`gate exited ${result.status}: ${result.stderr.trim().split('\n').at(-1)}`);
  return { ms, exit: result.status, result: JSON.parse(result.stdout) };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
try {
  // A tiny repository first: PGlite initializes and caches its data directory once per machine.
  const warm = join(dir, 'warm');
  write(warm, '.keep', '');
  initRepo(warm);
  for (const file of flywayHistory(2)) write(warm, file.path, file.text);
  commit(warm, 'two');
  git(warm, 'checkout', '-q', '-b', 'feature');
  write(warm, 'db/migration/V3__x.sql', 'CREATE TABLE x (id int);\n');
  const init = gate(warm);

  write(repo, '.keep', '');
  initRepo(repo);
  const history = flywayHistory(COUNT);
  for (let i = 0; i < history.length; i += 100) {
    for (const file of history.slice(i, i + 100)) write(repo, file.path, file.text);
    commit(repo, `migrations ${i + 1}..${i + 100}`);
  }
  git(repo, 'checkout', '-q', '-b', 'feature');
  write(repo, `db/migration/V${COUNT + 1}__add_accounts_region.sql`, "SET lock_timeout = '5s';\nALTER TABLE accounts ADD COLUMN region text;\n");
  write(repo, `db/migration/U${COUNT + 1}__add_accounts_region.sql`, 'ALTER TABLE accounts DROP COLUMN region;\n');
  commit(repo, 'add region');

  const first = gate(repo);
  const second = gate(repo);
  const input = first.result.inputs[0];
  const files = history.filter((f) => f.path.includes('/V')).length;
  console.log(`gate: ${files} migrations (+${history.length - files} undo files) on main, the branch adds V${COUNT + 1} with its undo`);
  console.log(`  PGlite data directory initialized once per machine: ${fmt(init.ms)} (a 2-migration gate run, timed apart)`);
  console.log(
    `  first run (replay of ${input.replay.earlier} migrations, lint, round trip ${input.round_trip.status}): ${fmt(first.ms)}  (goal < 10 s)  exit ${first.exit}`,
  );
  console.log(`  second run (replay cached: ${second.result.inputs[0].replay.cached}): ${fmt(second.ms)}  (goal < 3 s)  exit ${second.exit}`);
  console.log(`  findings: ${input.report.issues.map((i) => i.code ?? i.rule).join(', ') || 'none'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
