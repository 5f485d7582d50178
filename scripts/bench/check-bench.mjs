#!/usr/bin/env node
// pnpm bench: how long `check --type database` takes on large schemas, from JSON and from SQL,
// through the real pipeline (read → load → diff → classify), and how it scales with size.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCompatibility, createRegistry } from '../../packages/core/dist/index.js';
import database from '../../plugins/database/dist/index.js';
import { generateSchema } from './generate-schema.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '1000,2000,4000').split(',').map(Number);
const registry = createRegistry([database()]);
const dir = mkdtempSync(join(tmpdir(), 'ma-bench-'));

/** Read (file, parse, load) + diff + classify of both files, as `check` does it in-process. */
async function timeOnce(beforeFile, afterFile) {
  const start = performance.now();
  const report = await checkCompatibility(registry, { type: 'database', before: beforeFile, after: afterFile, cwd: dir });
  return { ms: performance.now() - start, issues: report.issues.length };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rows = [];
for (const size of SIZES) {
  const before = generateSchema(size);
  const after = generateSchema(size, 100);
  const folder = join(dir, String(size));
  mkdirSync(folder);
  const files = {
    json: [join(folder, 'before.json'), join(folder, 'after.json')],
    sql: [join(folder, 'before.sql'), join(folder, 'after.sql')],
  };
  writeFileSync(files.json[0], before.json);
  writeFileSync(files.json[1], after.json);
  writeFileSync(files.sql[0], before.sql);
  writeFileSync(files.sql[1], after.sql);
  for (const format of ['json', 'sql']) {
    await timeOnce(...files[format]); // warm-up: module loading, JIT
    const times = [];
    let issues = 0;
    for (let r = 0; r < RUNS; r++) {
      const { ms, issues: n } = await timeOnce(...files[format]);
      times.push(ms);
      issues = n;
    }
    rows.push({
      size,
      format,
      columns: before.columns,
      bytes: format === 'sql' ? before.sql.length : before.json.length,
      median: median(times),
      min: Math.min(...times),
      max: Math.max(...times),
      issues,
    });
  }
}
rmSync(dir, { recursive: true, force: true });

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`check --type database, read + load + diff + classify of before and after, median of ${RUNS} runs (after one warm-up)`);
console.log('tables  columns  format  input size  median   min      max      findings');
for (const r of rows) {
  console.log(
    `${String(r.size).padStart(6)}  ${String(r.columns).padStart(7)}  ${r.format.padEnd(6)}  ${(r.bytes / 1e6).toFixed(1).padStart(7)} MB  ${fmt(r.median).padStart(7)}  ${fmt(r.min).padStart(7)}  ${fmt(r.max).padStart(7)}  ${r.issues}`,
  );
}
console.log('');
for (const format of ['json', 'sql']) {
  const series = rows.filter((r) => r.format === format);
  for (let i = 1; i < series.length; i++) {
    const ratio = series[i].median / series[i - 1].median;
    console.log(
      `${format}: ${series[i - 1].size} → ${series[i].size} tables (×${(series[i].size / series[i - 1].size).toFixed(0)}): time ×${ratio.toFixed(2)}`,
    );
  }
}
const sqlAt2000 = rows.find((r) => r.format === 'sql' && r.size === 2000);
const jsonAt2000 = rows.find((r) => r.format === 'json' && r.size === 2000);
if (sqlAt2000 && jsonAt2000) console.log(`sql / json at 2000 tables: ×${(sqlAt2000.median / jsonAt2000.median).toFixed(2)}`);
if (sqlAt2000) console.log(`goal: under 3 s for 2,000 tables from SQL → ${sqlAt2000.median < 3000 ? 'met' : 'NOT met'} (${fmt(sqlAt2000.median)})`);
