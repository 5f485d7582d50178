import type { FindingSizing, SchemaChange } from '@migration-architect/core';
import type { Throughput } from '../plan/spec-fields.js';
import { DEFAULT_THROUGHPUT } from '../plan/throughput.js';
import type { Column, DatabaseSchema } from '../schema/model.js';
import { compareColumnTypes } from '../schema/type-compatibility.js';
import { DEFAULT_LOCK_THRESHOLDS, estimateLock, type LockedWork, type LockThresholds } from './lock-estimate.js';
import { readTableStats, type StatsByTable } from './table-stats.js';

interface Work {
  table: string;
  work: LockedWork;
  lock: string;
  note: string | null;
}

/** `tables.billing.invoices.columns.total` → `billing.invoices`, by the tables the schema has. */
function tableOfPath(path: string, schema: DatabaseSchema): string | null {
  if (!path.startsWith('tables.')) return null;
  const rest = path.slice('tables.'.length);
  const keys = schema.tables.map((t) => t.key).sort((a, b) => b.length - a.length);
  return keys.find((key) => rest === key || rest.startsWith(`${key}.`) || rest.startsWith(`${key}[`)) ?? null;
}

/**
 * The lock a finding's change takes on an existing table, and the work it does under it: from the
 * statement lint itself (a migration file), or from what the change needs when run in place.
 */
function workOf(rule: string, change: SchemaChange, context: { before: DatabaseSchema }): Work | null {
  const details = (change.details ?? {}) as { table?: string; work?: LockedWork; lock?: string; before?: Column; after?: Column };
  if (change.kind.startsWith('statement.')) {
    return details.table && details.work && details.lock ? { table: details.table, work: details.work, lock: details.lock, note: null } : null;
  }
  const table = tableOfPath(change.path, context.before);
  if (!table) return null;
  const inPlace = 'if run in place';
  switch (rule) {
    case 'column-added-with-table-rewrite':
      return { table, work: 'rewrite', lock: 'ACCESS EXCLUSIVE', note: null };
    case 'incompatible-type-change':
    case 'risky-type-change':
    case 'type-widened':
    case 'length-reduction':
      // Binary-coercible changes (varchar → text) touch only the catalog: nothing to size.
      if (!details.before?.type || !details.after?.type || !compareColumnTypes(details.before.type, details.after.type).rewritesTable) return null;
      return { table, work: 'rewrite', lock: 'ACCESS EXCLUSIVE', note: inPlace };
    case 'nullability-restriction':
      return { table, work: 'scan', lock: 'ACCESS EXCLUSIVE', note: inPlace };
    case 'check-added':
      return { table, work: 'scan', lock: 'ACCESS EXCLUSIVE', note: `${inPlace}, without NOT VALID` };
    case 'foreign-key-added':
      return { table, work: 'scan', lock: 'SHARE ROW EXCLUSIVE', note: `${inPlace}, without NOT VALID` };
    case 'unique-added':
    case 'primary-key-added':
      return { table, work: 'index_build', lock: 'ACCESS EXCLUSIVE', note: `${inPlace}, without a unique index built CONCURRENTLY first` };
    default:
      return null;
  }
}

/**
 * `check --stats` (or a live `--before`): each finding that locks an existing table gets the
 * table's rows, size and write rate and how long it holds which lock; a long hold raises the
 * severity by the configured thresholds. Throughputs are the ones `plan` uses.
 */
export function createFindingSizing(options: {
  throughput?: Throughput | undefined;
  lockThresholds?: Partial<LockThresholds> | undefined;
}): FindingSizing<DatabaseSchema> {
  const throughput = { ...DEFAULT_THROUGHPUT, ...options.throughput };
  const thresholds = { ...DEFAULT_LOCK_THRESHOLDS, ...options.lockThresholds };
  return {
    read: readTableStats,
    size: ({ issue, change }, stats, context) => {
      const work = workOf(issue.rule.replace(/^database\//, ''), change, context);
      if (!work) return null;
      const table = (stats as StatsByTable).tables.get(work.table);
      if (!table) return null;
      return estimateLock(work.work, work.lock, table, throughput, thresholds, work.note);
    },
  };
}
