import type { CheckConstraint, ExclusionConstraint, ForeignKey, Table, UniqueConstraint } from '../schema/model.js';
import { indexTextNamePart } from '../sources/postgresql-sql/generated-names.js';
import { normalizeExpression, referencedIdentifiers } from './expression.js';

/** PostgreSQL truncates longer names to NAMEDATALEN - 1 bytes. */
const MAX_IDENTIFIER_BYTES = 63;
const encoder = new TextEncoder();

function byteLength(text: string): number {
  return encoder.encode(text).length;
}

function truncateToBytes(text: string, bytes: number): string {
  let out = '';
  for (const ch of text) {
    if (byteLength(out + ch) > bytes) break;
    out += ch;
  }
  return out;
}

/**
 * `<table>_<columns>_<label>` as PostgreSQL's ChooseConstraintName builds it: when too long, the
 * longer of the two name parts is shortened first, so the label survives.
 */
export function defaultObjectName(table: string, columns: readonly string[], label: string): string {
  let first = table;
  let second = columns.join('_');
  const total = () => byteLength(first) + (second ? byteLength(second) + 1 : 0) + byteLength(label) + 1;
  while (total() > MAX_IDENTIFIER_BYTES) {
    if (byteLength(first) >= byteLength(second)) first = truncateToBytes(first, byteLength(first) - 1);
    else second = truncateToBytes(second, byteLength(second) - 1);
  }
  return [first, second, label].filter(Boolean).join('_');
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, and the same on every platform. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function withSuffix(name: string, suffix: string): string {
  return `${truncateToBytes(name, MAX_IDENTIFIER_BYTES - suffix.length - 1)}_${suffix}`;
}

export interface NamedCheck {
  name: string | null;
  expression: string;
}

/**
 * Names for a table's CHECK constraints, in order. Named ones keep their name; unnamed ones get
 * PostgreSQL's default (`<table>_<column>_check` when the expression mentions one column,
 * `<table>_check` otherwise). A default that collides with an earlier name gets a hash of the
 * expression appended, so two checks on one column never share a name and the suffix does not
 * depend on the order they are listed in.
 */
export function checkConstraintNames(table: string, columnNames: readonly string[], checks: readonly NamedCheck[], reserved: readonly string[] = []): string[] {
  const taken = new Set<string>([...reserved, ...checks.flatMap((c) => (c.name ? [c.name] : []))]);
  return checks.map((check) => {
    if (check.name) return check.name;
    const columns = referencedIdentifiers(check.expression).filter((id) => columnNames.includes(id));
    const candidate = defaultObjectName(table, columns.length === 1 ? columns : [], 'check');
    const name = taken.has(candidate) ? withSuffix(candidate, shortHash(normalizeExpression(check.expression))) : candidate;
    taken.add(name);
    return name;
  });
}

/** The names PostgreSQL would give a table's constraints when the schema does not name them. */
export function primaryKeyName(table: Table): string {
  return table.primaryKey?.name ?? defaultObjectName(table.name, [], 'pkey');
}

export function uniqueConstraintName(table: Table, unique: UniqueConstraint): string {
  return unique.name ?? defaultObjectName(table.name, unique.columns, 'key');
}

export function foreignKeyName(table: Table, fk: ForeignKey): string {
  return fk.name ?? defaultObjectName(table.name, fk.columns, 'fkey');
}

export function checkName(table: Table, check: CheckConstraint): string {
  const reserved = [
    primaryKeyName(table),
    ...table.uniques.map((u) => uniqueConstraintName(table, u)),
    ...table.foreignKeys.map((fk) => foreignKeyName(table, fk)),
    ...table.indexes.map((i) => i.name),
  ];
  const names = checkConstraintNames(
    table.name,
    table.columns.map((c) => c.name),
    table.checks,
    reserved,
  );
  let index = table.checks.indexOf(check);
  if (index === -1) {
    const wanted = normalizeExpression(check.expression);
    index = table.checks.findIndex((c) => c.name === check.name && normalizeExpression(c.expression) === wanted);
  }
  return (
    names[index] ??
    checkConstraintNames(
      table.name,
      table.columns.map((c) => c.name),
      [check],
      [...reserved, ...names],
    )[0]!
  );
}

/** An exclusion constraint's name: its own, or PostgreSQL's default `<table>_<columns>_excl`. */
export function exclusionName(table: Table, exclusion: ExclusionConstraint): string {
  return (
    exclusion.name ??
    defaultObjectName(
      table.name,
      exclusion.elements.map((e) => indexTextNamePart(table, e.element)),
      'excl',
    )
  );
}
