#!/usr/bin/env node
// Where the start-up of `plan` goes: CPU milliseconds of each phase of a database plan, measured in
// fresh processes (each phase pays its first-use costs, as the CLI does) and given as the median of
// BENCH_RUNS processes. Run by hand after `pnpm build`: `node scripts/bench/startup-phases.mjs`.
// Phases: core's import (its code, the zod it carries and the document schemas it builds), the
// database plugin's import, the registry validating the plugin against the contract, reading the
// spec, and createPlan. `node -e ''` is timed beside for scale. CPU counts every thread, so work
// V8 does in the background (garbage collection, optimizing compiles) lands in whichever phase it
// overlaps: read the phases as a guide, the whole-process benches as the figures.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

if (process.argv[2] === '--child') {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const phases = {};
  const time = async (name, work) => {
    const start = cpu();
    const value = await work();
    phases[name] = cpu() - start;
    return value;
  };
  phases['node start'] = cpu();
  const core = await time('import core', () => import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href));
  const plugin = await time('import plugin-database', () => import(pathToFileURL(join(root, 'plugins/database/dist/index.js')).href));
  core.preferOneShotValidation();
  // As the CLI does: the plugin's parts are validated when first used (the planning part, inside createPlan).
  const registry = await time('validate plugin (createRegistry)', () => core.createRegistry([plugin.default()], { validate: 'on-use' }));
  const spec = await time('read spec', () => core.readDocumentFile('examples/sample_database_migration.json', root));
  const plan = await time('createPlan', () => core.createPlan(registry, spec, { clock: core.fixedClock(new Date('2026-01-01T00:00:00Z')) }));
  if (!plan.phases?.length) throw new Error('the plan has no phases');
  process.stdout.write(JSON.stringify(phases));
} else {
  const node = [];
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const bare = spawnSync('bash', ['-c', `"$0" -e '' ; times`, process.execPath], { encoding: 'utf8' });
    const children = bare.stdout.trim().split('\n').at(-1) ?? '';
    node.push([...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000, 0));
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    runs.push(JSON.parse(child.stdout));
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  console.log(`start-up phases of a database plan: CPU ms, median of ${RUNS} fresh processes`);
  console.log(`  ${"node -e '' (whole process)".padEnd(34)} ${median(node).toFixed(0).padStart(5)}`);
  for (const name of Object.keys(runs[0]))
    console.log(
      `  ${name.padEnd(34)} ${median(runs.map((r) => r[name]))
        .toFixed(0)
        .padStart(5)}`,
    );
}
