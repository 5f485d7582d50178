#!/usr/bin/env node
// pnpm bench, API part: `check --type api` on GitHub's REST description (@octokit/openapi 22.0.0 →
// 23.0.2, generated/api.github.com.json, 11.8 → 13.0 MB) against api-smart-diff in the same run,
// and `check --type graphql` on GitHub's GraphQL schema (@octokit/graphql-schema, two versions).
// The packages are fetched from npm at bench time into node_modules/.cache (25 MB is not committed).
// Each measurement runs in its own process, so peak memory (maxRSS) is that tool's alone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cache = process.env.API_BENCH_CACHE ?? join(root, 'node_modules/.cache/migration-architect-api-bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PEER_RUNS = Number(process.env.API_BENCH_PEER_RUNS ?? 1);
const REST = { name: '@octokit/openapi', versions: ['22.0.0', '23.0.2'], file: 'package/generated/api.github.com.json' };
const GRAPHQL = { name: '@octokit/graphql-schema', versions: ['15.0.0', '15.26.1'], file: 'package/schema.graphql' };
const PEER = 'api-smart-diff@1.0.6';

mkdirSync(cache, { recursive: true });
const npm = (args) => execFileSync('npm', args, { cwd: cache, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

/** One file of a package version, unpacked once into the cache. */
function packageFile({ name, file }, version) {
  const folder = join(cache, `${name.replace('/', '+')}@${version}`);
  const path = join(folder, file);
  if (existsSync(path)) return path;
  mkdirSync(folder, { recursive: true });
  console.error(`fetching ${name}@${version} from npm ...`);
  const tarball = npm(['pack', `${name}@${version}`, '--silent', '--pack-destination', folder])
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['-xzf', join(folder, tarball), '-C', folder, file]);
  return path;
}

function peerInstalled() {
  if (!existsSync(join(cache, 'node_modules/api-smart-diff'))) {
    console.error(`installing ${PEER} into the bench cache ...`);
    npm(['install', '--no-save', '--no-audit', '--no-fund', '--silent', '--prefix', cache, PEER]);
  }
  return join(cache, 'node_modules/api-smart-diff/dist/index.cjs');
}

/** Runs one measurement in a fresh process: { ms, maxRssMb, wallMs, ... }. */
function measure(args) {
  const start = performance.now();
  const out = execFileSync(process.execPath, [join(root, 'scripts/bench/api-bench-run.mjs'), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ...JSON.parse(out), wallMs: performance.now() - start };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function series(args, runs) {
  const results = Array.from({ length: runs }, () => measure(args));
  return {
    ...results.at(-1),
    ms: median(results.map((r) => r.ms)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    wallMs: median(results.map((r) => r.wallMs)),
    maxRssMb: Math.max(...results.map((r) => r.maxRssMb)),
  };
}

const [restBefore, restAfter] = REST.versions.map((v) => packageFile(REST, v));
const [gqlBefore, gqlAfter] = GRAPHQL.versions.map((v) => packageFile(GRAPHQL, v));
const peer = peerInstalled();

const ours = series(['ours', 'api', restBefore, restAfter], RUNS);
const theirs = series(['api-smart-diff', peer, restBefore, restAfter], PEER_RUNS);
const graphql = series(['ours', 'graphql', gqlBefore, gqlAfter], RUNS);

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const row = (label, r, findings) =>
  `${label.padEnd(40)} ${s(r.ms).padStart(8)} ${s(r.cpuMs).padStart(8)} ${s(r.wallMs).padStart(9)} ${`${r.maxRssMb.toFixed(0)} MB`.padStart(8)}  ${findings}`;
console.log(
  `\nGitHub REST: ${REST.name} ${REST.versions.join(' → ')} (${REST.file.split('/').pop()}), median of ${RUNS} run(s) for ours, ${PEER_RUNS} for api-smart-diff`,
);
console.log(`${'tool'.padEnd(40)} ${'compare'.padStart(8)} ${'cpu'.padStart(8)} ${'process'.padStart(9)} ${'peak RSS'.padStart(8)}  findings`);
console.log(
  row('migration-architect check --type api', ours, `${ours.findings} (breaking ${ours.breaking}, potentially breaking ${ours.potentiallyBreaking})`),
);
console.log(row('api-smart-diff 1.0.6 apiDiff', theirs, `${theirs.findings} diffs (breaking ${theirs.breaking})`));
const speedup = theirs.cpuMs / ours.cpuMs;
console.log(`compare: read + parse + diff + classify, wall time; cpu: the same in CPU time of all threads; process: wall time with Node start-up`);
console.log(`ours is ×${speedup.toFixed(1)} faster in CPU time, ×${(theirs.ms / ours.ms).toFixed(1)} in wall time`);
console.log(
  `goal: ≥ 10× faster than api-smart-diff → ${speedup >= 10 ? 'met' : 'NOT met'}; under 500 MB → ${ours.maxRssMb < 500 ? 'met' : 'NOT met'} (${ours.maxRssMb.toFixed(0)} MB)`,
);
console.log(`\nGitHub GraphQL: ${GRAPHQL.name} ${GRAPHQL.versions.join(' → ')}`);
console.log(
  row(
    'migration-architect check --type graphql',
    graphql,
    `${graphql.findings} (breaking ${graphql.breaking}, potentially breaking ${graphql.potentiallyBreaking})`,
  ),
);
