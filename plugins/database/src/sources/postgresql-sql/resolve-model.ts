import type { DatabaseSchema, Sequence, Table } from '../../schema/model.js';
import { foldInheritedDefinitions } from '../../schema/partition-inheritance.js';
import { objectIdentity, objectKey } from '../../schema/qualified-name.js';

/** `nextval('public.orders_id_seq'::regclass)` → the sequence's name parts. */
function nextvalSequence(sql: string): { schema: string | null; name: string } | null {
  const match = /^nextval\('((?:[^']|'')+)'(?:::regclass)?\)$/i.exec(sql.trim());
  if (!match) return null;
  const parts = match[1]!
    .replace(/''/g, "'")
    .split('.')
    .map((p) => p.replace(/^"(.*)"$/, '$1'));
  return parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: null, name: parts[0]! };
}

/** The sequence PostgreSQL creates for a serial column: `<table>_<column>_seq`, owned by it. */
function serialSequence(table: Table, column: string, dataType: string): Sequence {
  const name = `${table.name}_${column}_seq`;
  return { schema: table.schema, name, key: objectKey(table.schema, name), dataType, ownedBy: { table: table.key, column }, line: table.line };
}

/**
 * What only the whole file tells: a column whose default takes the next value of a sequence it
 * owns is serial (as pg_dump spells `serial`); a written serial column owns its implicit
 * sequence; a foreign key without columns references the primary key.
 */
export function resolveModel(model: DatabaseSchema): DatabaseSchema {
  // Maps, not searches: this runs once per column and foreign key of every table.
  const tablesById = new Map(model.tables.map((t) => [objectIdentity(t), t]));
  const sequencesById = new Map(model.sequences.map((s) => [objectIdentity(s), s]));
  for (const table of model.tables) {
    for (const column of table.columns) {
      if (column.identity === 'serial' && column.default === null) {
        const sequence = serialSequence(table, column.name, column.type.name);
        // One kept under its first name through a rename (rename-object.ts) is the column's already.
        const kept = model.sequences.some((q) => q.ownedBy?.table === table.key && q.ownedBy.column === column.name);
        if (!kept && !sequencesById.has(objectIdentity(sequence))) {
          model.sequences.push(sequence);
          sequencesById.set(objectIdentity(sequence), sequence);
        }
        continue;
      }
      const named = column.default?.kind === 'expression' ? nextvalSequence(column.default.sql) : null;
      if (!named) continue;
      const sequence = sequencesById.get(objectIdentity(named));
      if (sequence?.ownedBy?.table === table.key && sequence.ownedBy.column === column.name) {
        column.identity = 'serial';
        column.default = null;
        // The sequence's `AS` type and the column's agree; serial's implicit sequence has the column's.
        sequence.dataType = column.type.name;
      }
    }
    for (const fk of table.foreignKeys) {
      if (fk.references.columns.length > 0) continue;
      const parent = tablesById.get(objectIdentity(fk.references));
      fk.references.columns = parent?.primaryKey?.columns ?? [];
    }
    if (table.primaryKey) for (const column of table.columns) if (table.primaryKey.columns.includes(column.name)) column.nullable = false;
  }
  return foldInheritedDefinitions(model);
}
