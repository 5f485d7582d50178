import { InputDataError, UsageError } from '@migration-architect/core';
import type { HashKind, SideColumn, SidePlan } from '../engines/engine-side.js';
import type { CanonicalHash } from '../hashing/row-text-fields.js';
import { pairFamilies, type Pairing } from '../schema/column-pairing.js';
import type { ColumnShape, Engine, TableShape } from '../schema/table-shape.js';

export interface ColumnSelection {
  key: string[] | null;
  columns: string[] | null;
  exclude: string[];
}

/** Both sides of one table comparison, and what the report says about its columns. */
export interface ComparePlan {
  name: string;
  source: SidePlan;
  target: SidePlan;
  key: string[];
  columns: string[];
  columnsOnlyInSource: string[];
  columnsOnlyInTarget: string[];
  warnings: string[];
}

function findColumn(table: TableShape, name: string): ColumnShape | undefined {
  return table.columns.find((c) => c.name === name) ?? table.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

/** PostgreSQL's blank-padded `character(n)` (bpchar). */
const BLANK_PADDED = /^(character|bpchar)(\(\d+\))?$/;
const NAIVE_TIMESTAMP = /^timestamp(\(\d\))? without time zone$/;
const ZONED_TIMESTAMP = /^timestamp(\(\d\))? with time zone$/;

const INTEGER_TYPES = /^(smallint|integer|bigint)$/;
const TEXT_TYPES = /^(text|character varying(\(\d+\))?|character(\(\d+\))?)$/;

/** Whether PostgreSQL's own hashes of the two declared types agree on equal values. */
function sameNativeHash(a: ColumnShape, b: ColumnShape): boolean {
  if (!a.nativeHash || !b.nativeHash) return false;
  if (a.declaredType === b.declaredType) return true;
  // char(n) against text or varchar: the padding must be dropped, which only canonical text does.
  if (BLANK_PADDED.test(a.declaredType) !== BLANK_PADDED.test(b.declaredType)) return false;
  return (INTEGER_TYPES.test(a.declaredType) && INTEGER_TYPES.test(b.declaredType)) || (TEXT_TYPES.test(a.declaredType) && TEXT_TYPES.test(b.declaredType));
}

function hashKind(engines: [Engine, Engine], pair: Pairing, a: ColumnShape, b: ColumnShape, tolerance: number): HashKind {
  if (engines[0] !== engines[1]) return 'canonical';
  // MySQL on both sides: a column of one declared type hashes by its own text (doubles print
  // shortest round-trip, so equal text is equal value); others by canonical text.
  if (engines[0] === 'mysql') return a.declaredType === b.declaredType && !(pair.family === 'float' && tolerance > 0) ? 'raw' : 'canonical';
  if (pair.family === 'float' && tolerance > 0) return 'cell';
  if (engines[0] === 'sqlite') return 'raw';
  return sameNativeHash(a, b) ? 'raw' : 'canonical';
}

/** Whether some index's leading columns are exactly the key (in order), so key ranges are index scans. */
function keyIndexed(table: TableShape, key: string[], engine: Engine): boolean {
  if (engine === 'sqlite' && key.length === 1 && table.primaryKey?.length === 1 && table.primaryKey[0] === key[0]) return true;
  return table.indexes.some((columns) => key.every((k, i) => columns[i] === k));
}

/** The key (--key, else the primary key of either side); none: the table is compared as a multiset of whole rows. */
function resolveKey(source: TableShape, target: TableShape, requested: string[] | null, name: string): string[] {
  if (requested) {
    for (const column of requested) {
      if (!findColumn(source, column)) throw new UsageError(`--key: table ${name} has no column "${column}" in the source`);
      if (!findColumn(target, column)) throw new UsageError(`--key: table ${name} has no column "${column}" in the target`);
    }
    return requested.map((column) => findColumn(source, column)!.name);
  }
  const key = source.primaryKey ?? target.primaryKey;
  if (!key || key.length === 0) return [];
  for (const column of key) {
    if (!findColumn(target, column) || !findColumn(source, column))
      throw new InputDataError(`table ${name}: key column "${column}" is missing on one side; pass --key`);
  }
  return key.map((column) => findColumn(source, column)!.name);
}

/**
 * Decides what is compared: the key (--key, else the primary key), the columns (--columns, else
 * every column both sides have, minus --exclude), the family each pair of columns is compared in,
 * and how each column is hashed.
 */
export function planComparison(
  source: { engine: Engine; table: TableShape },
  target: { engine: Engine; table: TableShape },
  selection: ColumnSelection,
  options: { where: string | null; tolerance: number; naiveTimeZone?: string | null; canonicalHash?: CanonicalHash; forceCanonical?: boolean },
): ComparePlan {
  const name = source.table.name === target.table.name ? source.table.name : `${source.table.name} → ${target.table.name}`;
  const key = resolveKey(source.table, target.table, selection.key, name);
  const keyless = key.length === 0;
  const zone = options.naiveTimeZone ?? null;
  const excluded = new Set(selection.exclude.map((c) => c.toLowerCase()));
  for (const column of selection.exclude) {
    if (!findColumn(source.table, column) && !findColumn(target.table, column)) throw new UsageError(`--exclude: table ${name} has no column "${column}"`);
  }
  for (const column of key) if (excluded.has(column.toLowerCase())) throw new UsageError(`--exclude: "${column}" is part of the key of ${name}`);
  const isKey = (column: string) => key.some((k) => k.toLowerCase() === column.toLowerCase());
  let names: string[];
  if (selection.columns) {
    for (const column of selection.columns) {
      if (!findColumn(source.table, column)) throw new UsageError(`--columns: table ${name} has no column "${column}" in the source`);
      if (!findColumn(target.table, column)) throw new UsageError(`--columns: table ${name} has no column "${column}" in the target`);
    }
    names = selection.columns.map((c) => findColumn(source.table, c)!.name).filter((c) => !isKey(c) && !excluded.has(c.toLowerCase()));
  } else {
    names = source.table.columns.map((c) => c.name).filter((c) => !isKey(c) && !excluded.has(c.toLowerCase()) && findColumn(target.table, c));
  }
  const considered = (c: ColumnShape) =>
    !isKey(c.name) && !excluded.has(c.name.toLowerCase()) && (!selection.columns || selection.columns.some((s) => s.toLowerCase() === c.name.toLowerCase()));
  const columnsOnlyInSource = source.table.columns.filter((c) => considered(c) && !findColumn(target.table, c.name)).map((c) => c.name);
  const columnsOnlyInTarget = target.table.columns.filter((c) => considered(c) && !findColumn(source.table, c.name)).map((c) => c.name);

  const warnings: string[] = [];
  const engines: [Engine, Engine] = [source.engine, target.engine];
  const sides: [SideColumn[], SideColumn[]] = [[], []];
  const keySides: [SideColumn[], SideColumn[]] = [[], []];
  for (const [list, into] of [
    [key, keySides],
    [names, sides],
  ] as const) {
    for (const column of list) {
      const a = findColumn(source.table, column)!;
      const b = findColumn(target.table, column)!;
      const pair = pairFamilies(a, b);
      if (pair.warning) warnings.push(`column ${column}: ${pair.warning}`);
      const kind = keyless ? 'canonical' : hashKind(engines, pair, a, b, options.tolerance);
      const trim = pair.family === 'text' && (BLANK_PADDED.test(a.declaredType) || BLANK_PADDED.test(b.declaredType));
      const shared = {
        family: pair.family,
        scale: pair.scale,
        precision: pair.precision,
        ...(trim ? { trim } : {}),
        ...(zone && pair.family === 'timestamp' ? { zone } : {}),
      };
      const naive = [a, b].filter((c) => NAIVE_TIMESTAMP.test(c.declaredType)).length;
      const zoned = [a, b].filter((c) => ZONED_TIMESTAMP.test(c.declaredType)).length;
      if (!zone && naive === 1 && zoned === 1)
        warnings.push(
          `column ${column}: timestamp without time zone on one side, with time zone on the other: the naive values are read as UTC; if they are wall-clock times of another zone, pass --naive-time-zone (e.g. Europe/Berlin)`,
        );
      into[0].push({ name: a.name, shape: a, pair: shared, hashKind: kind });
      into[1].push({ name: b.name, shape: b, pair: shared, hashKind: kind });
    }
  }
  // Without a key, rows are hashed by their canonical text (lookup3 or md5), whatever the engines.
  // MySQL has no seeded 64-bit hashes: it always hashes canonical text.
  // --hash md5 (forceCanonical): canonical text between two databases of one engine too.
  const hashMode = source.engine === target.engine && source.engine !== 'mysql' && !keyless && !options.forceCanonical ? 'native' : 'canonical';
  const side = (engine: Engine, table: TableShape, index: 0 | 1): SidePlan => ({
    table,
    key: keySides[index],
    columns: sides[index],
    where: options.where,
    tolerance: options.tolerance,
    hashMode,
    // md5 unless the caller probed both sides (lookup3Matches): a wrong guess would make every row differ.
    canonicalHash: options.canonicalHash ?? 'md5',
    crossEngine: source.engine !== target.engine,
    naiveTimeZone: zone,
    keyIndexed: keyIndexed(
      table,
      keySides[index].map((c) => c.name),
      engine,
    ),
  });
  const plan: ComparePlan = {
    name,
    source: side(source.engine, source.table, 0),
    target: side(target.engine, target.table, 1),
    key,
    columns: names,
    columnsOnlyInSource,
    columnsOnlyInTarget,
    warnings,
  };
  if (keyless)
    warnings.push(
      'no primary key on either side: compared by content as a multiset of whole rows (a row changed in place shows as one missing and one extra row; name a key with --key to see changed columns)',
    );
  for (const [label, sidePlan] of [
    ['source', plan.source],
    ['target', plan.target],
  ] as const) {
    if (key.length > 0 && !sidePlan.keyIndexed)
      warnings.push(`the key (${key.join(', ')}) is not indexed on the ${label}: ranges are compared by whole-table scans there`);
  }
  return plan;
}
