import { readFileSync } from 'node:fs';
import { createRegistry, pluginContractSchema } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import database, { createDatabasePlugin, databaseOptionsSchema } from '../src/index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

describe('database plugin', () => {
  it('is accepted by the registry and provides the database type, patterns and checker', () => {
    const registry = createRegistry([database()]);
    expect(registry.migrationType('database')).toBeDefined();
    expect(registry.patterns('database').map((p) => p.id)).toEqual(['schema_change', 'parallel_schema', 'data_migration']);
    expect(registry.checker('database')?.rules.length).toBeGreaterThan(40);
  });

  it('declares the contract version and its package identity', () => {
    const plugin = database();
    expect(plugin.apiVersion).toBe(2);
    expect(plugin.meta).toMatchObject({ name: packageJson.name, version: packageJson.version, namespace: 'database' });
    expect(pluginContractSchema().safeParse(plugin).success).toBe(true);
  });

  it('exports the same factory under every name', () => {
    expect(createDatabasePlugin).toBe(database);
    expect(databaseOptionsSchema.safeParse({}).success).toBe(true);
    expect(() => database({})).not.toThrow();
    expect(() => database(undefined)).not.toThrow();
  });

  it('rejects unknown or malformed options, naming the option', () => {
    expect(() => database({ dialect: 'mysql' } as never)).toThrow(/"dialect"/);
    expect(() => database('strict' as never)).toThrow(/invalid option/);
  });

  it('refuses to be registered twice (its ids are claimed once)', () => {
    expect(() => createRegistry([database(), database()])).toThrow(/namespace "database"/);
  });
});
