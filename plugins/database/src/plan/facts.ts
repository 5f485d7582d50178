import { groupedNumber } from '@migration-architect/core';
import type { MigrationSpec, SpecFact } from '@migration-architect/core';
import { parseColumnType } from '../schema/column-type.js';
import { compareColumnTypes } from '../schema/type-compatibility.js';
import { TYPE_CHANGE_TYPES } from './spec-fields.js';
import { postgresMajorVersion, schemaChanges, tablesToMigrate, type SpecSchemaChange } from './spec-readers.js';

/** Rows above which backfills, index builds and validations run for hours. */
export const LARGE_TABLE_ROWS = 10_000_000;

const AWS_REGION = /\b(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d\b/i;
const GCP_REGION = /\b(?:us|europe|asia|australia|southamerica|northamerica|me|africa)-[a-z]+\d\b/i;
const ON_PREMISES = /on[- ]?prem|data ?cent(?:er|re)|\bdc\d?\b|bare metal|self[- ]hosted/i;
const CLOUD = /\bcloud\b|\brds\b|aurora|cloud ?sql|azure|alloydb|supabase|neon|crunchy bridge|\baws\b|\bgcp\b/i;

function region(system: string): string | null {
  return (AWS_REGION.exec(system) ?? GCP_REGION.exec(system))?.[0]?.toLowerCase() ?? null;
}

/** True when a type change makes PostgreSQL rewrite the table (unknown types count as a rewrite). */
export function rewritesTable(change: SpecSchemaChange): boolean {
  if (!(TYPE_CHANGE_TYPES as readonly string[]).includes(change.type)) return false;
  if (!change.oldType || !change.newType) return true;
  return compareColumnTypes(parseColumnType(change.oldType).type, parseColumnType(change.newType).type).rewritesTable;
}

/**
 * What the database type reads from a spec: whether data leaves the database it is in (another
 * server, version, region or hosting), which tables are large, which changes rewrite tables or
 * add constraints. Each fact points at the spec field it comes from.
 */
export function databaseFacts(spec: MigrationSpec): SpecFact[] {
  const facts: SpecFact[] = [];
  const from = postgresMajorVersion(spec.source);
  const to = postgresMajorVersion(spec.target);
  const moves: string[] = [];
  if (from !== null && to !== null && from !== to) {
    moves.push(`PostgreSQL ${from} → ${to}`);
    facts.push({ id: 'major-version-change', path: 'target', value: spec.target, statement: `PostgreSQL major version changes (${from} → ${to})` });
  }
  const regions = [region(spec.source), region(spec.target)];
  if (regions[0] && regions[1] && regions[0] !== regions[1]) {
    moves.push(`${regions[0]} → ${regions[1]}`);
    facts.push({ id: 'cross-region', path: 'target', value: spec.target, statement: `data moves between regions (${regions[0]} → ${regions[1]})` });
  }
  if (ON_PREMISES.test(spec.source) && CLOUD.test(spec.target) && !ON_PREMISES.test(spec.target)) moves.push('on-premises → cloud');
  if (moves.length) {
    facts.push({ id: 'moves-database', path: 'target', value: spec.target, statement: `the data moves to another database server (${moves.join('; ')})` });
  }
  for (const table of tablesToMigrate(spec)) {
    if ((table.rowCount ?? 0) > LARGE_TABLE_ROWS) {
      facts.push({
        id: 'large-table',
        path: `${table.path}.row_count`,
        value: table.rowCount,
        statement: `${table.name} has ${groupedNumber(table.rowCount!)} rows (over ${groupedNumber(LARGE_TABLE_ROWS)})`,
      });
    }
  }
  const changes = schemaChanges(spec);
  if (changes.length) facts.push({ id: 'schema-changes', path: 'schema_changes', value: changes.length, statement: `${changes.length} schema change(s)` });
  for (const change of changes) {
    const subject = `${change.table ?? '?'}.${change.column ?? '?'}`;
    if (rewritesTable(change)) {
      facts.push({
        id: 'table-rewrite',
        path: change.path,
        value: change.entry,
        statement:
          change.oldType && change.newType
            ? `${subject} ${change.oldType} → ${change.newType} rewrites the table`
            : `${subject} changes type without old_type and new_type: assumed to rewrite the table`,
      });
    }
    if (change.type === 'add_constraint') {
      facts.push({
        id: 'adds-constraint',
        path: change.path,
        value: change.entry,
        statement: `${change.table ?? '?'} gets a new ${String(change.entry['constraint_type'] ?? '')} constraint`,
      });
    }
  }
  return facts;
}
