import type { DatabaseSchema } from './model.js';

/**
 * What sources that build the model themselves (SQL files, live databases) hand to the checker:
 * the model, tagged so `load` returns it as is instead of reading it as the seed's JSON format.
 */
export interface DatabaseModelDocument {
  format: 'database-model';
  /** The source that built it (`postgresql-sql`), for messages. */
  source: string;
  model: DatabaseSchema;
}

export function databaseModelDocument(source: string, model: DatabaseSchema): DatabaseModelDocument {
  return { format: 'database-model', source, model };
}

export function isDatabaseModelDocument(document: unknown): document is DatabaseModelDocument {
  if (typeof document !== 'object' || document === null) return false;
  const candidate = document as Partial<DatabaseModelDocument>;
  return candidate.format === 'database-model' && typeof candidate.model === 'object' && candidate.model !== null && Array.isArray(candidate.model.tables);
}
