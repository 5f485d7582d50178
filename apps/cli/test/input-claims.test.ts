import { createRegistry, createSchemaInputHandle, readSchemaInput } from '@migration-architect/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinCheckerForInputs } from '../src/plugins/input-claims.js';
import { loadBuiltinPlugins } from '../src/plugins/load-builtin-plugins.js';
import { examples, fixtures } from './harness.js';

/**
 * `check` without `--type` loads only the built-in that plainly reads its inputs. Whatever it
 * names must be what the sources of every built-in, asked in their order, pick for that input:
 * otherwise loading one plugin would change which checker reads it.
 */

// One folder for the whole file: the inputs are written once, at collection.
const dir = mkdtempSync(join(tmpdir(), 'ma-cli-claims-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const tables = { users: { columns: { id: { type: 'bigint' } } } };
const inputs: [string, string, string | undefined][] = [
  ['the database example (before)', join(examples, 'database_schema_before.json'), 'database'],
  ['the database example (after)', join(examples, 'database_schema_after.json'), 'database'],
  ['a PostgreSQL SQL file', write('schema.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n'), 'database'],
  ['a SQLite SQL file', write('schema.sqlite.sql', 'CREATE TABLE users (id integer PRIMARY KEY);\n'), 'database'],
  ['a database JSON with a BOM', write('bom.json', `\uFEFF${JSON.stringify({ tables })}`), 'database'],
  ['the GraphQL example', join(examples, 'api/schema-before.graphql'), 'graphql'],
  ['the Terraform plan example', join(examples, 'infrastructure/terraform-plan.json'), 'terraform'],
  ['an OpenAPI JSON', write('openapi.json', JSON.stringify({ openapi: '3.0.3', info: { title: 'a', version: '1' }, paths: {} })), 'api'],
  // Left to the sources: another format's keys, YAML, folders, other formats.
  ['a JSON with tables and openapi', write('mixed-openapi.json', JSON.stringify({ openapi: '3.0.0', paths: {}, tables })), undefined],
  ['a JSON with tables and paths', write('mixed-paths.json', JSON.stringify({ paths: {}, tables })), undefined],
  [
    'a Kubernetes object with tables',
    write('mixed-kube.json', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, tables })),
    undefined,
  ],
  ['a Terraform plan with tables', write('mixed-plan.json', JSON.stringify({ format_version: '1.2', resource_changes: [], tables })), undefined],
  ['an introspection result with tables', write('mixed-graphql.json', JSON.stringify({ data: { __schema: {} }, tables })), undefined],
  ['a JSON whose tables is not an object', write('tables-list.json', JSON.stringify({ tables: [] })), undefined],
  ['JSON that does not parse', write('broken.json', '{"tables": '), undefined],
  ['the OpenAPI example (YAML)', join(examples, 'api/openapi-before.yaml'), undefined],
  ['an OpenAPI JSON with tables', write('openapi-tables.json', JSON.stringify({ openapi: '3.0.3', paths: {}, tables })), undefined],
  ['a Terraform plan with paths', write('plan-paths.json', JSON.stringify({ format_version: '1.2', resource_changes: [], paths: {} })), undefined],
  ['a folder of manifests', join(examples, 'infrastructure/manifests-before'), undefined],
  ['a database URL', 'postgres://app@localhost/app', undefined],
  ['a file that does not exist', join(dir, 'missing.json'), undefined],
  ['a spec, not a schema', join(fixtures, 'specs/zero-downtime-column-type.json'), undefined],
];

describe('the built-in that plainly reads an input', () => {
  it.each(inputs)('%s', async (_, input, expected) => {
    expect(await builtinCheckerForInputs([input], dir)).toBe(expected);
  });

  it('is the checker the sources of every built-in pick, for each input it names', async () => {
    const registry = createRegistry((await loadBuiltinPlugins()).plugins, { validate: 'on-use' });
    const named = inputs.filter(([, , expected]) => expected !== undefined);
    expect(named.length).toBeGreaterThan(3);
    for (const [, input, expected] of named) {
      const read = await readSchemaInput(registry, createSchemaInputHandle(input, { cwd: dir, explicit: false }));
      expect(read.checker.id).toBe(expected);
    }
  });

  it('is named only when every input agrees', async () => {
    const sql = join(dir, 'schema.sql');
    const json = join(examples, 'database_schema_before.json');
    expect(await builtinCheckerForInputs([sql, json], dir)).toBe('database');
    expect(await builtinCheckerForInputs([json, join(examples, 'api/openapi-after.yaml')], dir)).toBeUndefined();
    expect(await builtinCheckerForInputs([], dir)).toBeUndefined();
  });
});
