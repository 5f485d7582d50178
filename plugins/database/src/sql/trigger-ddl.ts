import type { Trigger } from '../schema/model.js';
import { referencedIdentifiers } from './expression.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';

/** The table (or view) a trigger fires on, as SQL. */
export const triggerTable = (t: Trigger) => quoteQualifiedName(t.tableName.schema, t.tableName.name);

export function createTrigger(t: Trigger): string {
  const events = t.events
    .map((e) => (e === 'update' && t.columns.length ? `UPDATE OF ${t.columns.map(quoteIdentifier).join(', ')}` : e.toUpperCase()))
    .join(' OR ');
  const when = t.condition ? ` WHEN (${t.condition})` : '';
  return `CREATE TRIGGER ${quoteIdentifier(t.name)} ${t.timing.toUpperCase()} ${events} ON ${triggerTable(t)} FOR EACH ${t.forEachRow ? 'ROW' : 'STATEMENT'}${when} EXECUTE FUNCTION ${t.function}(${(t.arguments ?? []).join(', ')});`;
}

export const dropTrigger = (t: Trigger) => `DROP TRIGGER IF EXISTS ${quoteIdentifier(t.name)} ON ${triggerTable(t)};`;

/** Triggers whose definition names the column (`UPDATE OF`, `WHEN`): PostgreSQL refuses to change its type while they exist. */
export function triggersUsingColumn(triggers: readonly Trigger[], table: string, column: string): Trigger[] {
  return triggers.filter(
    (t) => t.table === table && (t.columns.includes(column) || (t.condition !== null && referencedIdentifiers(t.condition).includes(column.toLowerCase()))),
  );
}

/**
 * Statements run with those triggers dropped before and re-created after, in one transaction (the
 * table is never without them for other sessions). Statements already wrapped in BEGIN … COMMIT
 * join that transaction.
 */
export function aroundDependentTriggers(statements: readonly string[], triggers: readonly Trigger[]): string[] {
  if (triggers.length === 0) return [...statements];
  const inner = statements.filter((s) => s !== 'BEGIN;' && s !== 'COMMIT;');
  return [
    `-- Triggers naming the column are dropped and re-created around the change (${triggers.map((t) => t.name).join(', ')}).`,
    'BEGIN;',
    ...triggers.map(dropTrigger),
    ...inner,
    ...triggers.map(createTrigger),
    'COMMIT;',
  ];
}
