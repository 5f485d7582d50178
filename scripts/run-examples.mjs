#!/usr/bin/env node
// Runs the CLI on every bundled example and writes the results to out/, as a newcomer's first look.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = join(root, 'apps/cli/dist/bin.js');
const out = join(root, 'out');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

const runs = [
  ['plan', 'examples/sample_database_migration.json', '-o', 'out/database-plan.json', '--format', 'both'],
  ['plan', 'examples/sample_service_migration.json', '-o', 'out/service-plan.json', '--format', 'both'],
  ['plan', 'examples/sample_infrastructure_migration.json', '-o', 'out/infrastructure-plan.json', '--format', 'both'],
  ['rollback', 'out/database-plan.json', '-o', 'out/database-runbook.json', '--format', 'both'],
  ['rollback', 'out/service-plan.json', '-o', 'out/service-runbook.md', '--format', 'markdown'],
  // On the calendar, as a page with diagrams (open it in a browser; it needs no network).
  ['plan', 'examples/cross_region_database_move.json', '--start', '2026-12-05T09:00Z', '-o', 'out/cross-region-plan.html', '--format', 'html'],
  ['plan', 'examples/cross_region_database_move.json', '--start', '2026-12-05T09:00Z', '-o', 'out/cross-region-plan.json'],
  ['rollback', 'out/cross-region-plan.json', '-o', 'out/cross-region-runbook.html', '--format', 'html'],
  ['check', 'examples/database_schema_before.json', 'examples/database_schema_after.json', '-o', 'out/database-compatibility.json', '--format', 'both'],
  ['check', 'examples/api/openapi-before.yaml', 'examples/api/openapi-after.yaml', '--type', 'api', '-o', 'out/api-compatibility.md', '--format', 'markdown'],
  // One input that is a change set: a Terraform plan JSON (terraform show -json), and two Kubernetes manifest folders.
  ['check', 'examples/infrastructure/terraform-plan.json', '-o', 'out/terraform-compatibility.md', '--format', 'markdown'],
  // A spec that names that plan (infrastructure_details.terraform_plan): steps, snapshots, cutover and risks come from it.
  ['plan', 'examples/infrastructure/terraform-release-spec.json', '-o', 'out/terraform-release-plan.md', '--format', 'markdown'],
  [
    'check',
    'examples/infrastructure/manifests-before',
    'examples/infrastructure/manifests-after',
    '--target-version',
    '1.32',
    '-o',
    'out/kubernetes-compatibility.md',
    '--format',
    'markdown',
  ],
  // Two small SQLite databases with planted differences (examples/reconcile/README.md): exit 1.
  [
    'reconcile',
    '--source',
    'examples/reconcile/source.db',
    '--target',
    'examples/reconcile/target.db',
    '--tables',
    'all',
    '-o',
    'out/reconcile.md',
    '--format',
    'markdown',
  ],
];

const meaning = {
  check: { 0: 'compatible', 1: 'potentially breaking changes', 2: 'breaking changes' },
  reconcile: { 0: 'equal', 1: 'differences found' },
};
let failed = false;
for (const args of runs) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? '' },
  });
  const label = `migration-architect ${args.join(' ')}`;
  // check's 1 and 2 and reconcile's 1 are verdicts, not failures; anything above is an error.
  const verdicts = meaning[args[0]];
  const ok = verdicts ? result.status !== null && result.status in verdicts : result.status === 0;
  process.stdout.write(`${ok ? '✓' : '✗'} ${label}\n`);
  if (verdicts && ok) process.stdout.write(`    exit ${result.status}: ${verdicts[result.status]}\n`);
  if (!ok) {
    failed = true;
    process.stdout.write(result.stderr);
  }
}
process.stdout.write(`\nResults are in ${out}\n`);
process.exitCode = failed ? 1 : 0;
