#!/usr/bin/env node
// pnpm bench, infrastructure part: whole-process time of `migration-architect check` (the built CLI,
// Node start-up and plugin loading included) on a synthetic Terraform plan of 5,000 resource changes
// and on a pair of Kubernetes manifest files of 2,000 objects each. Figures are printed, not asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'apps/cli/dist/bin.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RESOURCES = Number(process.env.BENCH_TF_RESOURCES ?? 5000);
const OBJECTS = Number(process.env.BENCH_K8S_OBJECTS ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'ma-infra-bench-'));

/** A plan mixing what real plans hold: mostly creates and updates, some replaces, deletes, moves and drift. */
function syntheticPlan(count) {
  const types = ['aws_instance', 'aws_db_instance', 'aws_s3_bucket', 'aws_security_group', 'aws_iam_role', 'aws_lambda_function'];
  const changes = [];
  for (let i = 0; i < count; i++) {
    const type = types[i % types.length];
    const kind = i % 20;
    const actions =
      kind === 0
        ? ['delete']
        : kind === 1
          ? ['delete', 'create']
          : kind === 2
            ? ['create', 'delete']
            : kind < 8
              ? ['update']
              : kind < 10
                ? ['no-op']
                : ['create'];
    const before =
      actions[0] === 'create' && actions.length === 1
        ? null
        : { name: `r${i}`, engine_version: '14.9', backup_retention_period: 7, tags: { team: 'a' }, password: 'x' };
    const after =
      actions.length === 1 && actions[0] === 'delete'
        ? null
        : { name: `r${i}`, engine_version: kind === 3 ? '16.2' : '14.9', backup_retention_period: kind === 4 ? 1 : 7, tags: { team: 'b' }, password: 'y' };
    changes.push({
      address: `module.m${i % 50}.${type}.r${i}`,
      ...(kind === 9 ? { previous_address: `${type}.r${i}` } : {}),
      mode: 'managed',
      type,
      name: `r${i}`,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions, before, after, after_unknown: { id: true }, before_sensitive: { password: true }, after_sensitive: { password: true } },
    });
  }
  const drift = changes
    .slice(0, 100)
    .filter((c) => c.change.before)
    .map((c) => ({ ...c, change: { ...c.change, actions: ['update'] } }));
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.9.8', resource_changes: changes, resource_drift: drift });
}

/** A manifest set of Deployments, Services, ConfigMaps and PVCs; `variant` changes images, ports and sizes. */
function syntheticManifests(count, variant) {
  const docs = [];
  for (let i = 0; i < count; i++) {
    const name = `app-${i}`;
    switch (i % 4) {
      case 0:
        docs.push(
          `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ns-${i % 20}\nspec:\n  replicas: ${variant && i % 40 === 0 ? 0 : 2}\n  selector:\n    matchLabels: { app: ${name} }\n  template:\n    metadata:\n      labels: { app: ${name} }\n    spec:\n      containers:\n        - name: main\n          image: registry.example.com/${name}:${variant && i % 8 === 0 ? '2.0' : '1.0'}\n          env:\n            - { name: MODE, value: fast }\n`,
        );
        break;
      case 1:
        docs.push(
          `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ns-${i % 20}\nspec:\n  selector: { app: ${name} }\n  ports:\n    - { name: http, port: 80 }\n${variant && i % 10 === 1 ? '' : '    - { name: metrics, port: 9090 }\n'}`,
        );
        break;
      case 2:
        docs.push(
          `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ns-${i % 20}\ndata:\n  level: ${variant && i % 6 === 2 ? 'debug' : 'info'}\n`,
        );
        break;
      default:
        if (variant && i % 50 === 3) break; // deleted claims
        docs.push(
          `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: ns-${i % 20}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 10Gi } }\n`,
        );
    }
  }
  return docs.join('---\n');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// The child reports its own CPU time on exit: on a shared machine wall time mostly measures the neighbours.
const CPU_PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-ms '+((u.user+u.system)/1000))})`;

/** Wall and CPU time of one CLI run; check exits 0/1/2 with its verdict, anything else is a failure. */
function run(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', CPU_PROBE, bin, 'check', ...args, '--format', 'json', '-o', join(dir, 'report.json')], {
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (![0, 1, 2].includes(result.status ?? -1)) throw new Error(`check ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, cpu: Number(/cpu-ms ([\d.]+)/.exec(result.stderr)?.[1] ?? Number.NaN) };
}

const plan = join(dir, 'plan.json');
writeFileSync(plan, syntheticPlan(RESOURCES));
const before = join(dir, 'before.yaml');
const after = join(dir, 'after.yaml');
writeFileSync(before, syntheticManifests(OBJECTS, false));
writeFileSync(after, syntheticManifests(OBJECTS, true));
const baseline = (() => {
  const start = performance.now();
  execFileSync(process.execPath, ['-e', '']);
  return performance.now() - start;
})();

const rows = [];
for (const [label, args] of [
  [`terraform plan, ${RESOURCES} resource changes (check plan.json)`, [plan]],
  [`kubernetes manifests, ${OBJECTS} objects each side`, [before, after, '--target-version', '1.32']],
]) {
  run(args); // warm-up: file cache
  const runs = Array.from({ length: RUNS }, () => run(args));
  const times = runs.map((r) => r.ms);
  const findings = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).issues.length;
  rows.push({ label, median: median(times), min: Math.min(...times), max: Math.max(...times), cpu: median(runs.map((r) => r.cpu)), findings });
}
rmSync(dir, { recursive: true, force: true });

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`check, whole process (node apps/cli/dist/bin.js), median of ${RUNS} runs after one warm-up; bare node start: ${s(baseline)}`);
for (const r of rows)
  console.log(`${r.label.padEnd(58)} median ${s(r.median)}  min ${s(r.min)}  max ${s(r.max)}  CPU (median) ${s(r.cpu)}  findings ${r.findings}`);
