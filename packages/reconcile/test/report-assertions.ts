import { expect } from 'vitest';
import type { ReconcileReport, TableReport } from './engine.js';
import { PLANTED, plantedChanges } from './planted-data.js';

export function table(report: ReconcileReport, name: string): TableReport {
  const found = report.tables.find((t) => t.table === name || t.table.endsWith(`.${name}`));
  if (!found) throw new Error(`no table ${name} in the report`);
  return found;
}

const ids = (rows: { key: Record<string, string | null> }[]) => rows.map((r) => Number(r.key.id)).sort((a, b) => a - b);

/** Exactly the planted differences of the items table: no more, no fewer. */
export function expectPlantedItems(t: TableReport): void {
  expect(ids(t.differences.missing)).toEqual([...PLANTED.missing]);
  expect(ids(t.differences.extra)).toEqual([...PLANTED.extra]);
  const changed = t.differences.changed.flatMap((d) => (d.columns ?? []).map((c) => `${d.key.id}:${c.column}`)).sort();
  expect(changed).toEqual(plantedChanges());
  expect(t.missing).toBe(PLANTED.missing.length);
  expect(t.extra).toBe(PLANTED.extra.length);
  expect(t.changed).toBe(Object.keys(PLANTED.changed).length);
  expect(t.unchanged).toBe(t.rows_source! - t.missing! - t.changed!);
  expect(t.status).toBe('different');
  const perColumn: Record<string, number> = {};
  for (const columns of Object.values(PLANTED.changed)) for (const c of columns) perColumn[c] = (perColumn[c] ?? 0) + 1;
  expect(t.column_mismatches).toEqual(perColumn);
}

/** What a report says about the data, without timings or how it was found: equal for every strategy and hash. */
export function findings(t: TableReport) {
  return {
    rows: [t.rows_source, t.rows_target],
    counts: [t.missing, t.extra, t.changed, t.unchanged],
    column_mismatches: t.column_mismatches,
    differences: t.differences,
    status: t.status,
    key_problems: t.key_problems,
  };
}
