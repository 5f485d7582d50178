import { defineSource } from '@migration-architect/core';
import type { DatabaseSchema } from '../../schema/model.js';
import { notComparedWarnings } from '../../schema/not-compared.js';
import { fillCanonicalDefinitions, readCatalogDefinitions } from '../postgresql-sql/canonical-definitions.js';
import { postgresCatalogToModel } from './catalog-to-model.js';
import {
  COLUMNS_QUERY,
  CONSTRAINTS_QUERY,
  DOMAINS_QUERY,
  ENUMS_QUERY,
  EXTENSIONS_QUERY,
  NOT_COMPARED_QUERY,
  type ExtensionRow,
  INDEXES_QUERY,
  RELATIONS_QUERY,
  routinesQuery,
  SCHEMAS_QUERY,
  SEQUENCES_QUERY,
  TRIGGERS_QUERY,
  type ColumnRow,
  type ConstraintRow,
  type DomainRow,
  type EnumRow,
  type IndexRow,
  type RelationRow,
  type RoutineRow,
  type SequenceRow,
  type TriggerRow,
} from './introspection-queries.js';
import { POSTGRES_URL } from './postgres-url.js';
import { withReadOnlySession, type CatalogQuery, type ReadOnlySessionOptions } from './read-only-session.js';

/**
 * Reads the catalog through any query function: a read-only session on a server, or an embedded
 * PostgreSQL (`--verify`). The caller runs it in one transaction, so every query sees one snapshot,
 * with search_path set to `public`.
 */
export async function readCatalogSchema(query: CatalogQuery): Promise<DatabaseSchema> {
  const [version] = await query<{ version: number }>("SELECT current_setting('server_version_num')::int AS version");
  const relations = await query<RelationRow>(RELATIONS_QUERY);
  const columns = await query<ColumnRow>(COLUMNS_QUERY);
  const constraints = await query<ConstraintRow>(CONSTRAINTS_QUERY);
  const indexes = await query<IndexRow>(INDEXES_QUERY);
  const routines = await query<RoutineRow>(routinesQuery(version?.version ?? 0));
  const schemas = await query<{ name: string }>(SCHEMAS_QUERY);
  const enums = await query<EnumRow>(ENUMS_QUERY);
  const domains = await query<DomainRow>(DOMAINS_QUERY);
  const sequences = await query<SequenceRow>(SEQUENCES_QUERY);
  const triggers = await query<TriggerRow>(TRIGGERS_QUERY);
  const extensions = await query<ExtensionRow>(EXTENSIONS_QUERY);
  const notCompared = await query<{ kind: string; count: number }>(NOT_COMPARED_QUERY);
  return readCatalogDefinitions(
    postgresCatalogToModel({ relations, columns, constraints, indexes, routines, schemas, enums, domains, sequences, triggers, extensions, notCompared }),
  );
}

/** Reads the user schemas of a live PostgreSQL database into the normalized model, read-only. */
export async function readLivePostgresSchema(url: string, options: ReadOnlySessionOptions = {}): Promise<DatabaseSchema> {
  return withReadOnlySession(url, readCatalogSchema, options);
}

export const postgresLiveSource = defineSource<DatabaseSchema>({
  id: 'postgres-live',
  checker: 'database',
  title: 'live PostgreSQL',
  description: 'A live PostgreSQL database (postgres:// or postgresql:// URL), read from pg_catalog in a read-only transaction.',
  read: async (input) => {
    if (!POSTGRES_URL.test(input.input)) return undefined;
    // The catalog prints expressions its own way; canonical forms make them compare with SQL files.
    const model = await fillCanonicalDefinitions(await readLivePostgresSchema(input.input));
    return { model, dialect: 'postgresql', warnings: notComparedWarnings(model) };
  },
});
