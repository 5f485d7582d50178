import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCompatibility, createRegistry, fixedClock, type CompatibilityReport } from '@migration-architect/core';
import database from '../src/index.js';

export const clock = fixedClock(new Date(0));
export const registry = createRegistry([database()]);

export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url)), 'utf8'));
}

export function check(before: unknown, after: unknown): CompatibilityReport {
  return checkCompatibility(registry, 'database', { document: before, file: 'before.json' }, { document: after, file: 'after.json' }, { clock });
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
