import { describe, expect, it } from 'vitest';
import { dbmateSections, migrationSeries, parseMigrationPath } from '../src/index.js';

describe('migration folders', () => {
  it('reads each tool’s file names', () => {
    expect(parseMigrationPath('db/migration/V1_2__add_email.sql')).toMatchObject({ layout: 'flyway', version: '1.2', role: 'up', directory: 'db/migration' });
    expect(parseMigrationPath('db/migration/U3__add_email.sql')).toMatchObject({ layout: 'flyway', version: '3', role: 'down' });
    expect(parseMigrationPath('migrations/20240101120000_users.up.sql')).toMatchObject({ layout: 'golang-migrate', role: 'up' });
    expect(parseMigrationPath('migrations/20240101120000_users.down.sql')).toMatchObject({ layout: 'golang-migrate', role: 'down' });
    expect(parseMigrationPath('migrations/2024-01-01-000000_create_users/up.sql')).toMatchObject({
      layout: 'diesel',
      version: '20240101000000',
      directory: 'migrations',
    });
    expect(parseMigrationPath('prisma/migrations/20240101000000_init/migration.sql')).toMatchObject({ layout: 'prisma', directory: 'prisma/migrations' });
    expect(parseMigrationPath('sql/0003_orders.sql')).toMatchObject({ layout: 'numbered', version: '0003' });
    expect(parseMigrationPath('db/migrations/20240101_x.sql', '-- migrate:up\ncreate table a();\n-- migrate:down\ndrop table a;\n')).toMatchObject({
      layout: 'dbmate',
    });
    expect(parseMigrationPath('db/schema.sql')).toBeNull();
    expect(parseMigrationPath('db/seed/users.sql')).toBeNull();
  });

  it('orders a series by version numbers, not by text, and pairs undo files', () => {
    const series = migrationSeries(['db/V10__c.sql', 'db/V2__b.sql', 'db/V1__a.sql', 'db/U2__b.sql', 'db/V1_1__a2.sql', 'other/001_only.sql']);
    expect(series).toHaveLength(1);
    expect(series[0]!.migrations.map((m) => [m.version, m.down])).toEqual([
      ['1', null],
      ['1.1', null],
      ['2', 'db/U2__b.sql'],
      ['10', null],
    ]);
  });

  it('splits a dbmate file into its sections, keeping lines where they were', () => {
    const { up, down } = dbmateSections('-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLE a;\n');
    expect(up.split('\n')[1]).toBe('CREATE TABLE a (id int);');
    expect(up).not.toContain('DROP');
    expect(down?.split('\n')[4]).toBe('DROP TABLE a;');
    expect(dbmateSections('-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\n').down).toBeNull();
  });
});
