import type { Verification, VerifyRequest, VerifySide } from '@migration-architect/core';
import type { DatabaseSchema } from '../schema/model.js';
import { notComparedWarnings } from '../schema/not-compared.js';
import { createPgliteEngine, embeddedExtensionAvailable } from './pglite-engine.js';
import { replayScripts, type ReplaySide } from './replay.js';
import { schemaCreationSql } from './schema-creation-sql.js';
import { createServerEngine } from './server-engine.js';

const SQL_FILE = /\.(sql|pgsql|psql)$/i;

/** An SQL file is loaded as written; any other input is built from its model. */
async function replaySide(side: VerifySide<DatabaseSchema>): Promise<ReplaySide> {
  const name = side.input.name;
  if (side.input.fileName && SQL_FILE.test(side.input.fileName)) return { name, sql: [await side.input.text()] };
  return { name, sql: schemaCreationSql(side.model) };
}

function notComparedNote(model: DatabaseSchema, name: string): string[] {
  return notComparedWarnings(model).map((warning) => `${name}: ${warning}`);
}

/** `check --verify`: the report's scripts replayed on PGlite, or on the `--dev-url` server. */
export async function verifyDatabaseReport(request: VerifyRequest<DatabaseSchema>): Promise<Verification> {
  const notes = [...notComparedNote(request.before.model, request.before.input.name), ...notComparedNote(request.after.model, request.after.input.name)];
  const dialects = [request.before.dialect, request.after.dialect].filter((d) => d !== null && d !== 'postgresql');
  const refuse = (note: string, engine: string): Verification => ({
    engine,
    passed: false,
    scripts: [],
    after_migration: { differences: [] },
    after_rollback: { differences: [] },
    notes: [...notes, note],
  });
  if (dialects.length) return refuse(`the scripts are PostgreSQL; a ${dialects[0]} schema cannot be verified on PostgreSQL`, 'none');
  const extensions = [...new Set([...(request.before.model.extensions ?? []), ...(request.after.model.extensions ?? [])].map((e) => e.name))];
  // The embedded engine lacks some extensions: what needs them is set aside and named, the rest verified.
  const missingExtensions = request.devUrl === null ? extensions.filter((e) => !embeddedExtensionAvailable(e)) : [];
  const before = await replaySide(request.before);
  // `--migration`: the after schema is the before schema with the migration file run on it.
  const after = request.after.model.migration
    ? { name: request.after.input.name, sql: [...before.sql, await request.after.input.text()] }
    : await replaySide(request.after);
  const engine = request.devUrl === null ? await createPgliteEngine(extensions) : await createServerEngine(request.devUrl);
  try {
    return await replayScripts({ report: request.report, before, after, engine, notes, missingExtensions });
  } finally {
    await engine.close();
  }
}
