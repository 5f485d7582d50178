import { spawnSync } from 'node:child_process';

/**
 * Wall and CPU milliseconds of one Node process (`node ...args` in `cwd`), run to completion with
 * its output discarded: what the start-up benchmarks compare against `node -e ''`.
 */
export function timeNodeProcess(args, cwd) {
  return timeProcess(process.execPath, args, cwd);
}

/**
 * The same for any executable (the bundle's shell launcher): every process it starts, the shell
 * and the `node --version` it asks included, counts in its CPU time.
 */
export function timeProcess(file, args, cwd) {
  const start = performance.now();
  // bash's `times` prints the shell's, then its children's, user and system time.
  const result = spawnSync('bash', ['-c', '"$0" "$@" >/dev/null 2>&1; status=$?; times; exit $status', file, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  const children = result.stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  return { ms, cpu: seconds * 1000, status: result.status };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
