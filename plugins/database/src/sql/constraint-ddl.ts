import type { Deferrable, ForeignKey, QualifiedName, Validity } from '../schema/model.js';
import { defaultObjectName } from './constraint-names.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
import { indexColumnList, isPartitioned, PARTITIONED_NOTE } from './index-ddl.js';

function alter(table: QualifiedName): string {
  return `ALTER TABLE ${quoteQualifiedName(table.schema, table.name)}`;
}

export function columnList(columns: readonly string[]): string {
  return columns.map(quoteIdentifier).join(', ');
}

export function foreignKeyClause(fk: ForeignKey): string {
  return [
    `FOREIGN KEY (${columnList(fk.columns)}) REFERENCES ${quoteQualifiedName(fk.references.schema, fk.references.name)} (${columnList(fk.references.columns)})`,
    ...(fk.onDelete ? [`ON DELETE ${fk.onDelete}`] : []),
    ...(fk.onUpdate ? [`ON UPDATE ${fk.onUpdate}`] : []),
    ...deferrableClause(fk),
  ].join(' ');
}

/** `DEFERRABLE INITIALLY DEFERRED`: left out, a deferred constraint becomes an immediate one. */
export function deferrableClause(constraint: Deferrable): string[] {
  if (!constraint.deferrable) return [];
  return [constraint.initiallyDeferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE'];
}

/**
 * A CHECK or FOREIGN KEY in two steps: NOT VALID only takes a brief lock and checks new rows;
 * VALIDATE CONSTRAINT then scans existing rows under SHARE UPDATE EXCLUSIVE, which lets reads and
 * writes continue. Run as separate statements (psql autocommit), not in one transaction.
 */
export function addConstraintNotValid(table: QualifiedName, name: string, body: string, validity: Validity = {}): string[] {
  // PostgreSQL refuses a NOT VALID foreign key on a partitioned table: it is added and checked in one step.
  if (isPartitioned(table) && body.startsWith('FOREIGN KEY'))
    return [
      `-- Partitioned table: PostgreSQL cannot add a foreign key NOT VALID here, so it is checked while ${quoteQualifiedName(table.schema, table.name)} is locked.`,
      `${alter(table)} ADD CONSTRAINT ${quoteIdentifier(name)} ${body};`,
    ];
  return [`${alter(table)} ADD CONSTRAINT ${quoteIdentifier(name)} ${body} NOT VALID;`, ...validateConstraint(table, name, validity)];
}

/**
 * VALIDATE CONSTRAINT, unless the schema keeps the constraint NOT VALID: a project that left it
 * unvalidated on purpose (old rows it knows break the rule) would see the script fail on them.
 */
export function validateConstraint(table: QualifiedName, name: string, validity: Validity): string[] {
  if (validity.notValid) return [`-- ${quoteIdentifier(name)} stays NOT VALID, as the schema has it: rows already there are not checked.`];
  return [`${alter(table)} VALIDATE CONSTRAINT ${quoteIdentifier(name)};`];
}

export function dropConstraint(table: QualifiedName, name: string): string {
  return `${alter(table)} DROP CONSTRAINT IF EXISTS ${quoteIdentifier(name)};`;
}

/**
 * UNIQUE or PRIMARY KEY without a long lock: build the index CONCURRENTLY, then attach it, which
 * only needs a brief ACCESS EXCLUSIVE lock (the index is renamed to the constraint's name).
 */
export function addConstraintUsingIndex(
  table: QualifiedName,
  name: string,
  kind: 'UNIQUE' | 'PRIMARY KEY',
  columns: readonly string[],
  deferral: Deferrable & { nullsNotDistinct?: boolean } = {},
): string[] {
  const deferrable = deferrableClause(deferral)
    .map((c) => ` ${c}`)
    .join('');
  const nulls = deferral.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
  // A partitioned table cannot attach an index as a constraint, nor build one CONCURRENTLY.
  if (isPartitioned(table))
    return [PARTITIONED_NOTE, `${alter(table)} ADD CONSTRAINT ${quoteIdentifier(name)} ${kind}${nulls} (${columnList(columns)})${deferrable};`];
  return [
    `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdentifier(name)} ON ${quoteQualifiedName(table.schema, table.name)} (${indexColumnList(columns)})${nulls};`,
    `${alter(table)} ADD CONSTRAINT ${quoteIdentifier(name)} ${kind} USING INDEX ${quoteIdentifier(name)}${deferrable};`,
  ];
}

/**
 * SET NOT NULL scans the whole table under ACCESS EXCLUSIVE, unless a validated CHECK (col IS
 * NOT NULL) already proves it (PostgreSQL 12+). So: add the check NOT VALID, validate it without
 * blocking writes, set NOT NULL (catalog only), drop the check.
 */
export function setNotNull(table: QualifiedName, column: string): string[] {
  const check = defaultObjectName(table.name, [column], 'not_null');
  return [
    ...addConstraintNotValid(table, check, `CHECK (${quoteIdentifier(column)} IS NOT NULL)`),
    `${alter(table)} ALTER COLUMN ${quoteIdentifier(column)} SET NOT NULL;`,
    dropConstraint(table, check),
  ];
}

export function dropNotNull(table: QualifiedName, column: string): string {
  return `${alter(table)} ALTER COLUMN ${quoteIdentifier(column)} DROP NOT NULL;`;
}

export function alterTable(table: QualifiedName): string {
  return alter(table);
}
