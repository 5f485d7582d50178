import { formatPath } from '@migration-architect/core';
import { normalizeExpression } from '../sql/expression.js';
import { change, type ConstraintChangeDetails, type DatabaseChange, type TablePair } from './changes.js';
import type { CheckConstraint, ConstraintOfType, ConstraintType, Deferrable, ExclusionConstraint, ForeignKey, UniqueConstraint, Validity } from './model.js';
import { objectKey, sameObject } from './qualified-name.js';

interface Pairing<T> {
  removed: T[];
  added: T[];
  modified: [T, T][];
}

/**
 * Matches constraints across versions: identical ones first; then what occupies the same slot
 * (same name, or a foreign key on the same columns) counts as modified; the rest were removed
 * or added.
 */
function pair<T>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean, sameSlot: (a: T, b: T) => boolean): Pairing<T> {
  // One to one: a second identical constraint on one side only is a change (dropping one leaves the other).
  // Identical constraints pair by name first, so the one added beside an identical one is the one
  // reported added (a CHECK added twice over the same expression, DIFF_SEED=80090).
  let right = [...after];
  const pairOff = (candidates: readonly T[], matches: (b: T, a: T) => boolean): T[] => {
    const unpaired: T[] = [];
    for (const b of candidates) {
      const match = right.findIndex((a) => matches(b, a));
      if (match === -1) unpaired.push(b);
      else right.splice(match, 1);
    }
    return unpaired;
  };
  const left = pairOff(
    pairOff(before, (b, a) => same(b, a) && sameSlot(b, a)),
    same,
  );
  const modified: [T, T][] = [];
  const removed: T[] = [];
  for (const b of left) {
    const match = right.find((a) => sameSlot(b, a));
    if (match) {
      modified.push([b, match]);
      right = right.filter((a) => a !== match);
    } else removed.push(b);
  }
  return { removed, added: right, modified };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]) => sameList([...a].sort(), [...b].sort());
const sameName = (a: { name: string | null }, b: { name: string | null }) => a.name !== null && a.name === b.name;
const action = (a: string | null) => a ?? 'NO ACTION';
/** DEFERRABLE and INITIALLY DEFERRED: a deferred check runs at COMMIT, so writes in between see other rows. */
const sameDeferral = (a: Deferrable, b: Deferrable) =>
  (a.deferrable ?? false) === (b.deferrable ?? false) && (a.initiallyDeferred ?? false) === (b.initiallyDeferred ?? false);

function sameForeignKey(a: ForeignKey, b: ForeignKey): boolean {
  return (
    sameList(a.columns, b.columns) &&
    sameObject(a.references, b.references) &&
    sameList(a.references.columns, b.references.columns) &&
    action(a.onDelete) === action(b.onDelete) &&
    action(a.onUpdate) === action(b.onUpdate) &&
    sameDeferral(a, b) &&
    sameValidity(a, b)
  );
}

function sameExclusion(a: ExclusionConstraint, b: ExclusionConstraint): boolean {
  const text = (c: ExclusionConstraint) => normalizeExpression(constraintValue('exclusion', c) as string);
  const sameParts = a.canonical !== undefined && b.canonical !== undefined ? a.method === b.method && a.canonical === b.canonical : text(a) === text(b);
  return sameParts && sameDeferral(a, b);
}

/** The constraint as the seed's report shows it. */
export function constraintValue<T extends ConstraintType>(type: T, constraint: ConstraintOfType[T]): unknown {
  switch (type) {
    case 'check':
      return (constraint as CheckConstraint).expression;
    case 'exclusion': {
      const ex = constraint as ExclusionConstraint;
      return `EXCLUDE USING ${ex.method} (${ex.elements.map((e) => `${e.element} WITH ${e.operator}`).join(', ')})${ex.predicate ? ` WHERE (${ex.predicate})` : ''}`;
    }
    case 'foreign_key': {
      const fk = constraint as ForeignKey;
      const target = objectKey(fk.references.schema, fk.references.name);
      return {
        columns: fk.columns,
        references: `${target}(${fk.references.columns.join(', ')})`,
        on_delete: fk.onDelete,
        on_update: fk.onUpdate,
        ...(fk.deferrable ? { deferrable: fk.initiallyDeferred ? 'initially deferred' : 'initially immediate' } : {}),
      };
    }
    case 'unique': {
      const unique = constraint as UniqueConstraint;
      return unique.nullsNotDistinct ? { columns: unique.columns, nulls: 'not distinct' } : unique.columns;
    }
    default:
      return (constraint as UniqueConstraint).columns;
  }
}

function emit<T extends ConstraintType>(tables: TablePair, type: T, pairing: Pairing<ConstraintOfType[T]>): DatabaseChange[] {
  const path = formatPath(['tables', tables.after.key, 'constraints', type]);
  const subject = `${tables.after.key} (${type.replace('_', ' ')})`;
  const details = (before: ConstraintOfType[T] | null, after: ConstraintOfType[T] | null) =>
    ({ constraintType: type, tables, before, after }) as ConstraintChangeDetails;
  const value = (c: ConstraintOfType[T] | null) => (c === null ? null : constraintValue(type, c));
  return [
    ...pairing.removed.map((c) => change('constraint.removed', path, subject, { before: value(c) }, details(c, null))),
    ...pairing.added.map((c) => change('constraint.added', path, subject, { after: value(c) }, details(null, c))),
    ...pairing.modified.map(([b, a]) => change('constraint.modified', path, subject, { before: value(b), after: value(a) }, details(b, a))),
  ];
}

/** NOT VALID on one side only: validating it, or leaving it unvalidated on purpose, is a change. */
function sameValidity(a: Validity, b: Validity): boolean {
  return (a.notValid ?? false) === (b.notValid ?? false);
}

export function diffConstraints(tables: TablePair): DatabaseChange[] {
  const { before, after } = tables;
  const primaryKeys = pair(
    before.primaryKey ? [before.primaryKey] : [],
    after.primaryKey ? [after.primaryKey] : [],
    (a, b) => sameList(a.columns, b.columns) && sameDeferral(a, b),
    () => true,
  );
  const uniques = pair(
    before.uniques,
    after.uniques,
    (a, b) => sameSet(a.columns, b.columns) && sameDeferral(a, b) && (a.nullsNotDistinct ?? false) === (b.nullsNotDistinct ?? false),
    sameName,
  );
  const foreignKeys = pair(before.foreignKeys, after.foreignKeys, sameForeignKey, (a, b) => sameName(a, b) || sameList(a.columns, b.columns));
  const checks = pair(
    before.checks,
    after.checks,
    (a, b) =>
      (a.canonical !== undefined && b.canonical !== undefined
        ? a.canonical === b.canonical
        : normalizeExpression(a.expression) === normalizeExpression(b.expression)) && sameValidity(a, b),
    sameName,
  );
  // An exclusion constraint that changes is dropped and added again: there is no "modified" for it.
  const exclusions = pair(before.exclusions ?? [], after.exclusions ?? [], sameExclusion, () => false);
  return [
    ...emit(tables, 'primary_key', primaryKeys),
    ...emit(tables, 'unique', uniques),
    ...emit(tables, 'foreign_key', foreignKeys),
    ...emit(tables, 'check', checks),
    ...emit(tables, 'exclusion', exclusions),
  ];
}
