import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCompatibility, type SchemaInputRef } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clock, registry } from './fixtures.js';
import { PostgresServer } from './postgres-server.js';

/**
 * The noise classes scripts/corpus/measure-regression-noise.mjs found on PostgreSQL's regression
 * files, each reproduced by SQL written here: the database must read the same from the file, from
 * its pg_dump and from the live catalog, every pair both ways, and the live catalog alike twice.
 */
const server = new PostgresServer(inject('postgresUrl'));
const constructs = readFileSync(fileURLToPath(new URL('./fixtures/sql/regression-suite-constructs.sql', import.meta.url)), 'utf8');
const DATABASE = 'ma_regression_suite_noise';

beforeAll(async () => {
  const url = await server.createDatabase(DATABASE);
  execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', url], { input: constructs });
});
afterAll(async () => {
  await server.dropDatabase(DATABASE);
  await server.close();
});

const check = async (before: SchemaInputRef, after: SchemaInputRef) =>
  (await checkCompatibility(registry, { type: 'database', before, after, clock })).issues.map((i) => `${i.rule} ${i.field_path}: ${i.description}`);

describe("constructs from PostgreSQL's regression suite", { timeout: 120_000 }, () => {
  it('read alike from the file, the dump and the live catalog', async () => {
    const live = server.databaseUrl(DATABASE);
    const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', live], { encoding: 'utf8' });
    const sides: Record<string, SchemaInputRef> = {
      file: { name: 'regression-suite-constructs.sql', document: constructs },
      dump: { name: 'dump.sql', document: dump },
      live,
    };
    const found: string[] = [];
    for (const [a, before] of Object.entries(sides))
      for (const [b, after] of Object.entries(sides)) for (const issue of await check(before, after)) found.push(`${a} → ${b}: ${issue}`);
    expect(found).toEqual([]);
  });

  it('still report a real change to each of them', async () => {
    const live = server.databaseUrl(DATABASE);
    const changed = constructs
      .replace('flag "char" DEFAULT \'a\'', 'flag "char" DEFAULT \'b\'')
      .replace('CHECK (value > 0) NO INHERIT', 'CHECK (value > 0)')
      .replace("DEFAULT 'nobody'", "DEFAULT 'someone'")
      .replace('ON DELETE CASCADE', 'ON DELETE RESTRICT');
    const found = await check(live, { name: 'changed.sql', document: changed });
    expect(found.map((f) => f.split(':')[0]).sort()).toEqual([
      'database/check-added tables.readings_archive.constraints.check',
      'database/default-changed tables.offers.columns.flag.default',
      'database/default-changed tables.people.columns.full_name.default',
      'database/foreign-key-modified tables.pets.constraints.foreign_key',
    ]);
  });
});
