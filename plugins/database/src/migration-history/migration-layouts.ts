import { posix } from 'node:path';
import {
  migrationSeries as coreMigrationSeries,
  parseMigrationPath as coreParseMigrationPath,
  type MigrationLayoutInput,
  type MigrationPathInfo,
} from '@migration-architect/core';

/** The tools whose migration folders the gate reads, by how they name files. */
export type MigrationLayout = 'flyway' | 'golang-migrate' | 'dbmate' | 'diesel' | 'prisma' | 'numbered';

export type { MigrationEntry, MigrationSeries } from '@migration-architect/core';

const FLYWAY = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/;
const UP_DOWN = /^(\d+)[_-](.+)\.(up|down)\.sql$/;
const FOLDER_UP_DOWN = /^(\d[\d-]*\d|\d)_([^/]+)$/;
const NUMBERED = /^(\d+)[_-](.+)\.sql$/;
const DBMATE_MARKER = /^--\s*migrate:up\b/m;

/** diesel (`…/2024-01-01-000000_x/up.sql`, `down.sql`) and Prisma (`…/20240101_x/migration.sql`): one folder per migration. */
function folderMigration(path: string, files: Record<string, 'up' | 'down'>): MigrationPathInfo | null {
  const role = files[posix.basename(path)];
  if (!role) return null;
  const directory = posix.dirname(path);
  const folder = FOLDER_UP_DOWN.exec(posix.basename(directory));
  if (!folder) return null;
  return { directory: posix.dirname(directory), version: folder[1]!.replace(/[-_]/g, ''), description: folder[2]!, role };
}

/**
 * The migration-folder layouts the database plugin contributes (contract: `migrationLayouts`), in
 * the order they are asked: a golang-migrate `1_x.up.sql` is a numbered name too, and a dbmate
 * file is a numbered file with `-- migrate:up` in it.
 */
export const DATABASE_MIGRATION_LAYOUTS: MigrationLayoutInput[] = [
  {
    id: 'flyway',
    checker: 'database',
    title: 'Flyway',
    description: '`V<version>__<name>.sql`, with undo files `U<version>__<name>.sql`.',
    parse: (path) => {
      const flyway = FLYWAY.exec(posix.basename(path));
      if (!flyway) return null;
      return { directory: posix.dirname(path), version: flyway[2]!.replace(/_/g, '.'), description: flyway[3]!, role: flyway[1] === 'U' ? 'down' : 'up' };
    },
  },
  {
    id: 'golang-migrate',
    checker: 'database',
    title: 'golang-migrate / sqlx',
    description: '`<version>_<name>.up.sql` and `<version>_<name>.down.sql`.',
    parse: (path) => {
      const upDown = UP_DOWN.exec(posix.basename(path));
      if (!upDown) return null;
      return { directory: posix.dirname(path), version: upDown[1]!, description: upDown[2]!, role: upDown[3] === 'down' ? 'down' : 'up' };
    },
  },
  {
    id: 'diesel',
    checker: 'database',
    title: 'diesel',
    description: 'A folder per migration, `<version>_<name>/up.sql` and `down.sql`.',
    parse: (path) => folderMigration(path, { 'up.sql': 'up', 'down.sql': 'down' }),
  },
  {
    id: 'prisma',
    checker: 'database',
    title: 'Prisma Migrate',
    description: 'A folder per migration, `<timestamp>_<name>/migration.sql`.',
    parse: (path) => folderMigration(path, { 'migration.sql': 'up' }),
  },
  {
    id: 'dbmate',
    checker: 'database',
    title: 'dbmate',
    description: '`<version>_<name>.sql` with `-- migrate:up` and `-- migrate:down` sections.',
    sharesFolderWith: ['numbered'],
    parse: (path, text) => {
      const numbered = NUMBERED.exec(posix.basename(path));
      if (!numbered || text === undefined || !DBMATE_MARKER.test(text)) return null;
      return { directory: posix.dirname(path), version: numbered[1]!, description: numbered[2]!, role: 'up', sections: true };
    },
    splitSections: (text) => (DBMATE_MARKER.test(text) ? dbmateSections(text) : null),
  },
  {
    id: 'numbered',
    checker: 'database',
    title: 'Numbered SQL files',
    description: '`<number>_<name>.sql` (or `-`), applied in number order; no down files.',
    parse: (path) => {
      const numbered = NUMBERED.exec(posix.basename(path));
      if (!numbered) return null;
      return { directory: posix.dirname(path), version: numbered[1]!, description: numbered[2]!, role: 'up' };
    },
  },
];

const resolvedLayouts = DATABASE_MIGRATION_LAYOUTS.map((layout) => ({ order: 'normal' as const, sharesFolderWith: [], ...layout }));

/**
 * What one path is, judged by its name (and, for dbmate, its text): `V3__add_email.sql` is a
 * Flyway migration, `20240101_x.up.sql` golang-migrate / sqlx, `…/2024-01-01-000000_x/up.sql`
 * diesel, `…/20240101_x/migration.sql` Prisma, `0003_x.sql` a plain numbered file. The gate asks
 * the registry's layouts instead; this is the database plugin's own layouts only.
 */
export function parseMigrationPath(path: string, text?: string) {
  return coreParseMigrationPath(resolvedLayouts, path, text);
}

/** True when the path names a migration of a layout the database plugin reads. */
export function isMigrationPath(path: string): boolean {
  return parseMigrationPath(path) !== null;
}

/** Series of the database plugin's own layouts (core's `migrationSeries` over them). */
export function migrationSeries(paths: string[], textOf?: (path: string) => string | undefined) {
  return coreMigrationSeries(resolvedLayouts, paths, textOf);
}

/** dbmate's file split into its up and down sections, lines kept where they were (blank elsewhere) so findings keep their line. */
export function dbmateSections(text: string): { up: string; down: string | null } {
  const lines = text.split('\n');
  let section: 'none' | 'up' | 'down' = 'none';
  const up: string[] = [];
  const down: string[] = [];
  let sawDown = false;
  for (const line of lines) {
    if (/^--\s*migrate:up\b/.test(line.trim())) section = 'up';
    else if (/^--\s*migrate:down\b/.test(line.trim())) {
      section = 'down';
      sawDown = true;
    }
    up.push(section === 'up' ? line : '');
    down.push(section === 'down' ? line : '');
  }
  const downText = down.join('\n');
  return { up: up.join('\n'), down: sawDown && downText.trim() !== '' && !/^(\s|--[^\n]*)*$/.test(downText) ? downText : null };
}
