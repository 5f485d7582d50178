#!/usr/bin/env node
// pnpm bench: how long `plan` and `check` take as whole processes on the bundled samples, against a
// bare `node -e ''` timed in the same run. Runs are paired (baseline, command, baseline, command,
// ...) and the ratio is taken pair by pair, so a machine whose speed drifts still compares like
// with like. Goal (issue 16): median ratio <= 2.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'apps/cli/dist/bin.js');
const examples = join(root, 'examples');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const GOAL = 2;

const commands = [
  { name: 'plan (database sample)', args: ['plan', join(examples, 'sample_database_migration.json')] },
  { name: 'plan (service sample)', args: ['plan', join(examples, 'sample_service_migration.json')] },
  { name: 'check (database samples)', args: ['check', join(examples, 'database_schema_before.json'), join(examples, 'database_schema_after.json')] },
];

/** Wall milliseconds of one process, run to completion with its output discarded. */
function timeProcess(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  return { ms, status: result.status };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const rows = [];
for (const command of commands) {
  const argv = [bin, ...command.args];
  // Warm-up: the file system cache and the compile cache, for both.
  timeProcess(['-e', '']);
  const { status } = timeProcess(argv);
  const baseline = [];
  const measured = [];
  const ratios = [];
  for (let i = 0; i < RUNS; i++) {
    const b = timeProcess(['-e', '']).ms;
    const c = timeProcess(argv).ms;
    baseline.push(b);
    measured.push(c);
    ratios.push(c / b);
  }
  rows.push({ ...command, status, node: median(baseline), ms: median(measured), ratio: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) });
}

console.log(`startup: whole-process wall time, ${RUNS} pairs each, median (node -e '' in the same pairs)`);
for (const r of rows) {
  const verdict = r.ratio <= GOAL ? 'within' : 'over';
  console.log(
    `  ${r.name.padEnd(26)} ${r.ms.toFixed(0).padStart(5)} ms  node ${r.node.toFixed(0).padStart(4)} ms  ratio ${r.ratio.toFixed(2)} (${r.min.toFixed(2)}-${r.max.toFixed(2)}), ${verdict} the ${GOAL}x goal, exit ${r.status}`,
  );
}
