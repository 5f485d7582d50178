import { formatPath } from '@migration-architect/core';
import { renderDefault } from '../sql/column-definition.js';
import { normalizeExpression } from '../sql/expression.js';
import { change, type DatabaseChange, type TablePair } from './changes.js';
import { describeColumnType } from './column-type.js';
import type { Column, DefaultValue } from './model.js';

/**
 * `nextval('public.x_seq'::regclass)` (a dump, written with an empty search_path) and
 * `nextval('x_seq'::regclass)` (a catalog read with search_path = public) draw from one sequence.
 */
function canonicalSequenceDefault(sql: string): string {
  return sql.replace(/nextval\('(?:public|"public")\./gi, "nextval('");
}

export function sameDefault(a: DefaultValue | null, b: DefaultValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'literal' && b.kind === 'literal') return a.value === b.value;
  if (a.kind === 'expression' && b.kind === 'expression') {
    if (a.canonical !== undefined && b.canonical !== undefined) return a.canonical === b.canonical;
    return normalizeExpression(canonicalSequenceDefault(a.sql)) === normalizeExpression(canonicalSequenceDefault(b.sql));
  }
  return false;
}

/** Every difference in one column, attribute by attribute, in a fixed order. */
function columnChanges(tables: TablePair, before: Column, after: Column): DatabaseChange[] {
  const base = ['tables', tables.after.key, 'columns', after.name];
  const subject = `${tables.after.key}.${after.name}`;
  const details = { tables, before, after };
  const out: DatabaseChange[] = [];
  const typeChanged =
    before.type.name !== after.type.name ||
    before.type.arrayDimensions !== after.type.arrayDimensions ||
    before.type.precision !== after.type.precision ||
    before.type.scale !== after.type.scale;
  if (typeChanged) {
    out.push(
      change(
        'column.type_changed',
        formatPath([...base, 'type']),
        subject,
        { before: describeColumnType(before.type), after: describeColumnType(after.type) },
        details,
      ),
    );
  } else if (before.type.length !== after.type.length) {
    out.push(change('column.length_changed', formatPath([...base, 'length']), subject, { before: before.type.length, after: after.type.length }, details));
  }
  if (before.nullable !== after.nullable) {
    out.push(change('column.nullability_changed', formatPath([...base, 'nullable']), subject, { before: before.nullable, after: after.nullable }, details));
  }
  // A sequence default comes with serial / identity; its change is reported as an identity change.
  if (!sameDefault(before.default, after.default) || before.onUpdate !== after.onUpdate) {
    const shown = (c: Column) => (c.default ? renderDefault(c.default) : null);
    out.push(change('column.default_changed', formatPath([...base, 'default']), subject, { before: shown(before), after: shown(after) }, details));
  }
  if (before.identity !== after.identity) {
    out.push(change('column.identity_changed', formatPath([...base, 'auto_increment']), subject, { before: before.identity, after: after.identity }, details));
  }
  if ((before.comment ?? '') !== (after.comment ?? '')) {
    out.push(change('column.comment_changed', formatPath([...base, 'comment']), subject, { before: before.comment, after: after.comment }, details));
  }
  return out;
}

const columnPath = (tables: TablePair, column: string) => formatPath(['tables', tables.after.key, 'columns', column]);
const columnSubject = (tables: TablePair, column: string) => `${tables.after.key}.${column}`;

/** Columns added or changed in a kept table: the expand side of the diff. */
export function diffColumnAdditionsAndChanges(tables: TablePair): DatabaseChange[] {
  const afterByName = new Map(tables.after.columns.map((c) => [c.name, c]));
  const beforeByName = new Map(tables.before.columns.map((c) => [c.name, c]));
  const path = (column: string) => columnPath(tables, column);
  const subject = (column: string) => columnSubject(tables, column);
  return [
    ...tables.after.columns
      .filter((c) => !beforeByName.has(c.name))
      .map((column) => change('column.added', path(column.name), subject(column.name), { after: column }, { tables, column })),
    ...tables.before.columns.flatMap((before) => {
      const after = afterByName.get(before.name);
      return after ? columnChanges(tables, before, after) : [];
    }),
  ];
}

/** Columns dropped from a kept table: the contract side of the diff. */
export function diffColumnRemovals(tables: TablePair): DatabaseChange[] {
  const afterNames = new Set(tables.after.columns.map((c) => c.name));
  return tables.before.columns
    .filter((c) => !afterNames.has(c.name))
    .map((column) => change('column.removed', columnPath(tables, column.name), columnSubject(tables, column.name), { before: column }, { tables, column }));
}
