import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareSchemas, createRegistry, documentPreview, fixedClock, type CompatibilityReport, type ResolvedSchemaInput } from '@migration-architect/core';
import database, { loadJsonDatabaseSchema } from '../src/index.js';

export const clock = fixedClock(new Date(0));
export const registry = createRegistry([database()]);

export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url)), 'utf8'));
}

const checker = registry.checker('database')!;
const jsonSource = registry.sources('database').find((s) => s.id === 'json-schema')!;

/** A JSON-format document as the JSON source reads it, without going through files. */
function asRead(document: unknown, name: string): ResolvedSchemaInput {
  return {
    name,
    checker,
    source: jsonSource,
    read: { model: loadJsonDatabaseSchema(document, { file: name }), dialect: 'postgresql', summary: documentPreview(document) },
  };
}

/** Synchronous check of two JSON-format documents (the async `checkCompatibility` reads files and URLs). */
export function check(before: unknown, after: unknown): CompatibilityReport {
  return compareSchemas(checker, asRead(before, 'before.json'), asRead(after, 'after.json'), { clock });
}

import type { SchemaDocument } from '../src/rules/examples/example-schema.js';

export { baseSchema, type SchemaDocument, type TableDocument } from '../src/rules/examples/example-schema.js';

/** Names PostgreSQL only accepts quoted: a reserved word, mixed case, an embedded quote. */
export function awkwardNamesSchema(): SchemaDocument {
  return {
    tables: {
      user: {
        columns: {
          id: { type: 'bigint', primary_key: true, auto_increment: true },
          group: { type: 'varchar', length: 20, default: "it's" },
          Order: { type: 'integer' },
        },
        constraints: { check: ['"Order" >= 0'] },
        indexes: [{ name: 'User Group Idx', columns: ['group'] }],
      },
    },
    views: {},
    procedures: [],
  };
}

export function awkwardNamesChanged(): SchemaDocument {
  const schema = awkwardNamesSchema();
  const user = schema.tables['user']!;
  user.columns['a"b'] = { type: 'boolean', nullable: false, default: false };
  user.columns['Order'] = { type: 'bigint' };
  user.constraints = { check: ['"Order" >= 0', '"Order" < 1000000'], unique: ['group'] };
  user.indexes.push({ name: 'idx_order', columns: ['Order'] });
  return schema;
}
