import type { SchemaChange } from '@migration-architect/core';
import type {
  Column,
  ConstraintOfType,
  ConstraintType,
  DomainCheck,
  DomainType,
  EnumType,
  Extension,
  Index,
  MigrationStatement,
  Routine,
  SchemaObject,
  Sequence,
  Table,
  Trigger,
  View,
} from './model.js';

/** A table present on both sides, as each side describes it. */
export interface TablePair {
  before: Table;
  after: Table;
}

// Type aliases, not interfaces: core's SchemaChange wants details assignable to Record<string, unknown>.
export type ColumnPairDetails = {
  tables: TablePair;
  before: Column;
  after: Column;
};

export type ConstraintChangeDetails<T extends ConstraintType = ConstraintType> = {
  [K in T]: {
    constraintType: K;
    tables: TablePair;
    before: ConstraintOfType[K] | null;
    after: ConstraintOfType[K] | null;
  };
}[T];

/** What each kind of change carries in `details`, for the rules that classify it. */
export interface ChangeDetailsByKind {
  'table.added': { table: Table };
  'table.removed': { table: Table };
  /** Detached from its partitioned table, attached to one, or moved to another (bounds are not compared). */
  'table.partition_changed': { tables: TablePair /** The table after, where the report points. */; table: Table };
  'column.added': { tables: TablePair; column: Column };
  'column.removed': { tables: TablePair; column: Column };
  'column.type_changed': ColumnPairDetails;
  'column.length_changed': ColumnPairDetails;
  'column.nullability_changed': ColumnPairDetails;
  'column.default_changed': ColumnPairDetails;
  'column.identity_changed': ColumnPairDetails;
  'column.comment_changed': ColumnPairDetails;
  'relation.comment_changed': { relation: Table | View; kind: 'table' | 'view' | 'materialized view'; before: string | null; after: string | null };
  'constraint.added': ConstraintChangeDetails;
  'constraint.removed': ConstraintChangeDetails;
  'constraint.modified': ConstraintChangeDetails;
  'index.added': { tables: TablePair; index: Index };
  'index.removed': { tables: TablePair; index: Index };
  'index.changed': { tables: TablePair; before: Index; after: Index };
  'view.added': { view: View };
  'view.removed': { view: View };
  'view.changed': {
    before: View;
    after: View;
    addedColumns: string[];
    removedColumns: string[];
    /** Columns kept but no longer in the same positions, or new ones not at the end. */
    reordered: boolean;
  };
  'routine.added': { routine: Routine };
  'routine.removed': { routine: Routine };
  'routine.changed': {
    before: Routine;
    after: Routine;
    signatureChanged: boolean;
    definitionChanged: boolean;
    /** Same arguments, another result type: CREATE OR REPLACE refuses it. */
    resultChanged?: boolean;
    /** IMMUTABLE / STABLE / VOLATILE differs. */
    volatilityChanged?: boolean;
  };
  'schema.added': { schema: SchemaObject };
  'schema.removed': { schema: SchemaObject };
  'enum.added': { enum: EnumType };
  'enum.removed': { enum: EnumType };
  'enum.value_added': { before: EnumType; after: EnumType; values: string[] };
  'enum.value_removed': { before: EnumType; after: EnumType; values: string[] };
  'enum.values_reordered': { before: EnumType; after: EnumType };
  'domain.added': { domain: DomainType };
  'domain.removed': { domain: DomainType };
  /** Base type or collation: ALTER DOMAIN cannot change either. */
  'domain.type_changed': { before: DomainType; after: DomainType };
  'domain.default_changed': { before: DomainType; after: DomainType };
  'domain.nullability_changed': { before: DomainType; after: DomainType };
  'domain.constraint_added': { before: DomainType; after: DomainType; check: DomainCheck };
  'domain.constraint_removed': { before: DomainType; after: DomainType; check: DomainCheck };
  /** NOT VALID before, validated after. */
  'domain.constraint_validated': { before: DomainType; after: DomainType; check: DomainCheck };
  'sequence.added': { sequence: Sequence };
  'sequence.removed': { sequence: Sequence };
  'trigger.added': { trigger: Trigger };
  'trigger.removed': { trigger: Trigger };
  'trigger.changed': { before: Trigger; after: Trigger };
  'table.renamed': { before: Table; after: Table };
  'column.renamed': { tables: TablePair; before: Column; after: Column };
  /** A table dropped and one with the same columns added: maybe a rename the user did not declare. */
  'table.possibly_renamed': { before: Table; after: Table };
  'column.possibly_renamed': { tables: TablePair; before: Column; after: Column };
  'extension.added': { extension: Extension };
  'extension.removed': { extension: Extension };
  'extension.changed': { before: Extension; after: Extension };
  'statement.index_not_concurrent': StatementLintDetails;
  'statement.concurrently_in_transaction': StatementLintDetails;
  'statement.missing_lock_timeout': StatementLintDetails;
  'statement.validates_under_lock': StatementLintDetails;
  'statement.not_rerunnable': StatementLintDetails;
  'statement.enum_value_unpositioned': StatementLintDetails;
  'statement.reindex_not_concurrent': StatementLintDetails;
  'statement.unused_suppression': { statement: MigrationStatement; codes: string[]; line: number };
}

/** A statement of a migration file and what it does that a reviewer should see. */
export type StatementLintDetails = { statement: MigrationStatement; message: string };

export type ChangeKind = keyof ChangeDetailsByKind;

export const CHANGE_KINDS = [
  'table.added',
  'table.removed',
  'column.added',
  'column.removed',
  'column.type_changed',
  'column.length_changed',
  'column.nullability_changed',
  'column.default_changed',
  'column.identity_changed',
  'column.comment_changed',
  'relation.comment_changed',
  'constraint.added',
  'constraint.removed',
  'constraint.modified',
  'index.added',
  'index.removed',
  'index.changed',
  'view.added',
  'view.removed',
  'view.changed',
  'routine.added',
  'routine.removed',
  'routine.changed',
  'schema.added',
  'schema.removed',
  'enum.added',
  'enum.removed',
  'enum.value_added',
  'enum.value_removed',
  'enum.values_reordered',
  'domain.added',
  'domain.removed',
  'domain.type_changed',
  'domain.default_changed',
  'domain.nullability_changed',
  'domain.constraint_added',
  'domain.constraint_removed',
  'domain.constraint_validated',
  'sequence.added',
  'sequence.removed',
  'trigger.added',
  'trigger.removed',
  'trigger.changed',
  'table.renamed',
  'table.partition_changed',
  'column.renamed',
  'table.possibly_renamed',
  'column.possibly_renamed',
  'extension.added',
  'extension.removed',
  'extension.changed',
  'statement.index_not_concurrent',
  'statement.concurrently_in_transaction',
  'statement.missing_lock_timeout',
  'statement.validates_under_lock',
  'statement.not_rerunnable',
  'statement.enum_value_unpositioned',
  'statement.reindex_not_concurrent',
  'statement.unused_suppression',
] as const satisfies readonly ChangeKind[];

export interface DatabaseChange<K extends ChangeKind = ChangeKind> extends SchemaChange {
  kind: K;
  details: ChangeDetailsByKind[K];
}

export function change<K extends ChangeKind>(
  kind: K,
  path: string,
  subject: string,
  values: { before?: unknown; after?: unknown },
  details: ChangeDetailsByKind[K],
): DatabaseChange<K> {
  return { kind, path, subject, before: values.before ?? null, after: values.after ?? null, details };
}
