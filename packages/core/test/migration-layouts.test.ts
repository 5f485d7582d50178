import { describe, expect, it } from 'vitest';
import { createRegistry, definePlugin, migrationSeries, PluginError, splitMigrationSections, type MigrationLayoutInput } from '../src/index.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

/*
 * Migration-folder layouts are contributions: a third-party plugin teaches the gate a tool's
 * folder (here goose: `<version>_<name>.sql` with `-- +goose Up` / `-- +goose Down` sections)
 * without core or the gate knowing it by name.
 */
const GOOSE_UP = /^--\s*\+goose Up\b/m;

const goose: MigrationLayoutInput = {
  id: 'goose',
  checker: 'kv',
  title: 'goose',
  description: '`<version>_<name>.sql` with `-- +goose Up` and `-- +goose Down` sections.',
  order: 'pre',
  parse: (path, text) => {
    const match = /^(.*)\/(\d+)_(.+)\.sql$/.exec(path);
    if (!match || text === undefined || !GOOSE_UP.test(text)) return null;
    return { directory: match[1]!, version: match[2]!, description: match[3]!, role: 'up', sections: true };
  },
  splitSections: (text) => {
    if (!GOOSE_UP.test(text)) return null;
    const [up, down] = text.split(/^--\s*\+goose Down\b.*$/m);
    return { up: up!, down: down?.trim() ? down : null };
  },
};

const numbered: MigrationLayoutInput = {
  id: 'plain',
  checker: 'kv',
  title: 'Numbered files',
  description: '`<number>_<name>.sql`.',
  parse: (path) => {
    const match = /^(.*)\/(\d+)_(.+)\.sql$/.exec(path);
    return match ? { directory: match[1]!, version: match[2]!, description: match[3]!, role: 'up' } : null;
  },
};

const gooseText = '-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n';

function registryWith(...layouts: MigrationLayoutInput[][]) {
  return createRegistry([
    toyPlugin({ migrationLayouts: layouts[0] ?? [] }),
    ...layouts
      .slice(1)
      .map((list, i) => definePlugin({ apiVersion: 2, meta: { name: `acme-layouts-${i}`, version: '1.0.0', namespace: `acme${i}` }, migrationLayouts: list })),
  ]);
}

describe('migration-folder layouts from the registry', () => {
  it('a third-party layout is asked first when it says pre, and claims the files in its form', () => {
    const registry = registryWith([numbered], [goose]);
    expect(registry.migrationLayouts().map((l) => [l.plugin, l.id])).toEqual([
      ['acme-layouts-0', 'goose'],
      ['toy-plugin', 'plain'],
    ]);
    const texts: Record<string, string> = {
      'db/migrations/2_b.sql': gooseText,
      'db/migrations/1_a.sql': gooseText,
      'seeds/1_x.sql': 'INSERT …',
      'seeds/2_y.sql': 'INSERT …',
    };
    const series = migrationSeries(registry.migrationLayouts(), Object.keys(texts), (p) => texts[p]);
    expect(series.map((s) => [s.directory, s.layout, s.migrations.map((m) => [m.version, m.up, m.sections])])).toEqual([
      [
        'db/migrations',
        'goose',
        [
          ['1', 'db/migrations/1_a.sql', true],
          ['2', 'db/migrations/2_b.sql', true],
        ],
      ],
      [
        'seeds',
        'plain',
        [
          ['1', 'seeds/1_x.sql', false],
          ['2', 'seeds/2_y.sql', false],
        ],
      ],
    ]);
    expect(splitMigrationSections(registry.migrationLayouts(), gooseText)).toEqual({
      up: '-- +goose Up\nCREATE TABLE a (id int);\n',
      down: '\nDROP TABLE a;\n',
    });
    expect(splitMigrationSections(registry.migrationLayouts(), 'CREATE TABLE a (id int);')).toBeNull();
  });

  it('orders versions by their numeric parts and needs two migrations for a series', () => {
    const registry = registryWith([numbered]);
    const series = migrationSeries(registry.migrationLayouts(), ['m/10_c.sql', 'm/9_b.sql', 'm/100_d.sql', 'lone/1_seed.sql']);
    expect(series.map((s) => [s.directory, s.migrations.map((m) => m.version)])).toEqual([['m', ['9', '10', '100']]]);
  });

  it('refuses a layout for a checker no loaded plugin provides, naming plugin and layout', () => {
    expect(() => registryWith([], [{ ...goose, checker: 'search_index' }])).toThrow(PluginError);
    expect(() => registryWith([], [{ ...goose, checker: 'search_index' }])).toThrow(
      'plugin "acme-layouts-0": migration layout "goose" is for checker "search_index", which no loaded plugin provides',
    );
  });

  it('refuses a misspelt layout key with a did-you-mean, like every contribution', () => {
    const { parse, ...rest } = numbered;
    expect(() => registryWith([{ ...rest, parse, parser: parse } as never])).toThrow(/migrationLayouts\[0\]\.parser: unknown key; did you mean "parse"\?/);
  });
});
