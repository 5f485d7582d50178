#!/usr/bin/env node
// One measurement of api-bench.mjs, in its own process: prints { ms, maxRssMb, findings, ... } as JSON.
//   api-bench-run.mjs ours <api|graphql> BEFORE AFTER
//   api-bench-run.mjs api-smart-diff PATH-TO-ITS-CJS BEFORE AFTER
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [tool, arg, before, after] = process.argv.slice(2);
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
// CPU time of all the process's threads (GC included): steadier than wall time on a shared machine.
const cpuMs = (since) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

if (tool === 'ours') {
  const { checkCompatibility, createRegistry } = await import('../../packages/core/dist/index.js');
  const { default: service } = await import('../../plugins/service/dist/index.js');
  const registry = createRegistry([service()]);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const report = await checkCompatibility(registry, { type: arg, before, after });
  const ms = performance.now() - start;
  console.log(
    JSON.stringify({
      ms,
      cpuMs: cpuMs(cpu),
      maxRssMb: maxRssMb(),
      findings: report.issues.length,
      breaking: report.breaking_changes_count,
      potentiallyBreaking: report.potentially_breaking_count,
    }),
  );
} else {
  const { apiDiff } = createRequire(import.meta.url)(arg);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const diffs = apiDiff(JSON.parse(readFileSync(before, 'utf8')), JSON.parse(readFileSync(after, 'utf8')));
  const ms = performance.now() - start;
  console.log(
    JSON.stringify({ ms, cpuMs: cpuMs(cpu), maxRssMb: maxRssMb(), findings: diffs.length, breaking: diffs.filter((d) => d.type === 'breaking').length }),
  );
}
