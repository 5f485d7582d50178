#!/usr/bin/env node
// pnpm bench: how long `plan` and `check` take as whole processes on the bundled samples, against a
// bare `node -e ''` timed in the same run. Runs are paired (baseline, command, baseline, command,
// ...) and the ratio is taken pair by pair, so a machine whose speed drifts still compares like
// with like. Goal (issue 16): median ratio <= 2. CPU (user + system, from bash's `times`) is
// reported beside wall time: on a shared machine it drifts less. Both builds are timed: the
// workspace CLI (apps/cli/dist/bin.js) and, when `pnpm bundle` has written them, the single-folder
// bundle (dist/migration-architect.mjs) and its launcher (dist/migration-architect, a shell script
// that runs the start-up snapshot blob built for this Node; timed with the shell it is).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timeNodeProcess, timeProcess } from './process-time.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const builds = [
  { label: 'workspace', bin: join(root, 'apps/cli/dist/bin.js') },
  { label: 'bundle', bin: join(root, 'dist/migration-architect.mjs') },
  { label: 'launcher', bin: join(root, 'dist/migration-architect'), direct: true },
].filter((b) => existsSync(b.bin));
const examples = join(root, 'examples');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const GOAL = 2;

const commands = [
  { name: 'plan (database sample)', args: ['plan', join(examples, 'sample_database_migration.json')] },
  { name: 'plan (service sample)', args: ['plan', join(examples, 'sample_service_migration.json')] },
  { name: 'check (database samples)', args: ['check', join(examples, 'database_schema_before.json'), join(examples, 'database_schema_after.json')] },
  // Naming the checker lets the CLI import only the plugin providing it.
  {
    name: 'check --type database',
    args: ['check', '--type', 'database', join(examples, 'database_schema_before.json'), join(examples, 'database_schema_after.json')],
  },
];

const timeNode = (args) => timeNodeProcess(args, root);

const rows = [];
for (const build of builds) {
  for (const command of commands) {
    const time = () => (build.direct ? timeProcess(build.bin, command.args, root) : timeNode([build.bin, ...command.args]));
    // Warm-up: the file system cache, for both.
    timeNode(['-e', '']);
    const { status } = time();
    const pairs = [];
    for (let i = 0; i < RUNS; i++) {
      const b = timeNode(['-e', '']);
      const c = time();
      pairs.push({ b, c, wall: c.ms / b.ms, cpu: c.cpu / Math.max(b.cpu, 1) });
    }
    const wallRatios = pairs.map((p) => p.wall);
    const cpuRatios = pairs.map((p) => p.cpu);
    rows.push({
      name: `${command.name}, ${build.label}`,
      status,
      node: median(pairs.map((p) => p.b.ms)),
      ms: median(pairs.map((p) => p.c.ms)),
      nodeCpu: median(pairs.map((p) => p.b.cpu)),
      cpuMs: median(pairs.map((p) => p.c.cpu)),
      ratio: median(wallRatios),
      cpuRatio: median(cpuRatios),
      min: Math.min(...wallRatios),
      max: Math.max(...wallRatios),
      cpuMin: Math.min(...cpuRatios),
      cpuMax: Math.max(...cpuRatios),
    });
  }
}

console.log(`startup: whole-process wall and CPU time, ${RUNS} pairs each, median (node -e '' in the same pairs)`);
for (const r of rows) {
  const verdict = r.ratio <= GOAL ? 'within' : 'over';
  console.log(
    `  ${r.name.padEnd(37)} wall ${r.ms.toFixed(0).padStart(5)} ms / node ${r.node.toFixed(0).padStart(4)} ms = ${r.ratio.toFixed(2)} (${r.min.toFixed(2)}-${r.max.toFixed(2)}), ${verdict} the ${GOAL}x goal; cpu ${r.cpuMs.toFixed(0).padStart(4)} ms / ${r.nodeCpu.toFixed(0)} ms = ${r.cpuRatio.toFixed(2)} (${r.cpuMin.toFixed(2)}-${r.cpuMax.toFixed(2)}); exit ${r.status}`,
  );
}
