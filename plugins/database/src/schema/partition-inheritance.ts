import { normalizeExpression } from '../sql/expression.js';
import type { CheckConstraint, DatabaseSchema, ForeignKey, Index, PrimaryKey, Table, Trigger, UniqueConstraint } from './model.js';
import { objectIdentity } from './qualified-name.js';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const triggerShape = (t: Trigger) => `${t.name}\0${t.function}\0${t.timing}\0${[...t.events].sort().join(',')}`;
const indexShape = (i: Index) => `${i.unique}\0${i.method ?? ''}\0${i.canonical ?? `${i.columns.map(normalizeExpression).join(',')}\0${i.predicate ?? ''}`}`;

/** A partition's parent, its parent's parent and so on: a sub-partition inherits from every ancestor, not only its parent. */
export function partitionAncestors(model: DatabaseSchema, table: Table): Table[] {
  const chain: Table[] = [];
  const parentOf = (t: Table) => (t.partitionOf ? model.tables.find((p) => objectIdentity(p) === objectIdentity(t.partitionOf!)) : undefined);
  for (let parent = parentOf(table); parent && !chain.includes(parent); parent = parentOf(parent)) chain.push(parent);
  return chain;
}

/** Which of a table's definitions a partition of these parents (its whole chain) would inherit from them. */
export function inheritedDefinitions(parents: readonly Table[]) {
  const shapes = new Set(parents.flatMap((p) => p.indexes.map(indexShape)));
  return {
    primaryKey: (pk: PrimaryKey) => parents.some((p) => p.primaryKey && sameList(p.primaryKey.columns, pk.columns)),
    unique: (u: UniqueConstraint) => parents.some((p) => p.uniques.some((pu) => sameList(pu.columns, u.columns))),
    foreignKey: (fk: ForeignKey) =>
      parents.some((p) => p.foreignKeys.some((pf) => sameList(pf.columns, fk.columns) && objectIdentity(pf.references) === objectIdentity(fk.references))),
    check: (c: CheckConstraint) =>
      parents.some((p) => p.checks.some((pc) => (pc.name !== null && pc.name === c.name) || (pc.canonical !== undefined && pc.canonical === c.canonical))),
    index: (i: Index) => shapes.has(indexShape(i)),
  };
}

/**
 * A partition inherits its parent's keys, foreign keys, checks and indexes: PostgreSQL creates them
 * on every partition, a pg_dump writes them out (`ALTER INDEX … ATTACH PARTITION`) and a live
 * catalog lists them, while a hand-written file declares them once on the parent. They belong to the
 * parent, so they are taken off the partitions: the same schema then reads the same from every
 * source, and a change to them is reported (and scripted) once, on the parent.
 */
export function foldInheritedDefinitions(model: DatabaseSchema): DatabaseSchema {
  const inheritedFrom = (table: Table) => partitionAncestors(model, table);
  for (const table of model.tables) {
    const parents = inheritedFrom(table);
    if (parents.length === 0) continue;
    const inherited = inheritedDefinitions(parents);
    if (table.primaryKey && inherited.primaryKey(table.primaryKey)) table.primaryKey = null;
    table.uniques = table.uniques.filter((u) => !inherited.unique(u));
    table.foreignKeys = table.foreignKeys.filter((fk) => !inherited.foreignKey(fk));
    table.checks = table.checks.filter((c) => !inherited.check(c));
    table.indexes = table.indexes.filter((i) => !inherited.index(i));
  }
  // Row-level triggers are cloned onto every partition too (pg_dump leaves the clones out).
  const byKey = new Map(model.tables.map((t) => [t.key, t]));
  const parentTriggers = new Set(model.triggers.filter((t) => t.forEachRow).map((t) => `${t.table}\0${triggerShape(t)}`));
  model.triggers = model.triggers.filter((trigger) => {
    const table = byKey.get(trigger.table);
    return !(table && trigger.forEachRow && inheritedFrom(table).some((p) => parentTriggers.has(`${p.key}\0${triggerShape(trigger)}`)));
  });
  return model;
}
