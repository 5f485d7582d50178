import { posix } from 'node:path';

/** The tools whose migration folders the gate reads, by how they name files. */
export type MigrationLayout = 'flyway' | 'golang-migrate' | 'dbmate' | 'diesel' | 'prisma' | 'numbered';

/** One migration of a folder: its version, the file that applies it, and the one that undoes it, when written. */
export interface MigrationEntry {
  /** The version as written (`1.2`, `20240101120000`, `0003`). */
  version: string;
  /** Sort key: the version's numeric parts. */
  order: bigint[];
  description: string;
  /** Repository path of the file that applies it. */
  up: string;
  /** Repository path of the undo / down file; null when the project writes none. */
  down: string | null;
  /** dbmate: up and down are sections (`-- migrate:up`, `-- migrate:down`) of the one file. */
  sections: boolean;
}

/** A folder of migrations in order, as one tool lays it out. */
export interface MigrationSeries {
  directory: string;
  layout: MigrationLayout;
  migrations: MigrationEntry[];
}

interface Parsed {
  layout: MigrationLayout;
  /** The folder the series lives in (diesel and Prisma: the parent of the per-migration folder). */
  directory: string;
  version: string;
  description: string;
  role: 'up' | 'down';
  sections?: boolean;
}

const FLYWAY = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/;
const UP_DOWN = /^(\d+)[_-](.+)\.(up|down)\.sql$/;
const FOLDER_UP_DOWN = /^(\d[\d-]*\d|\d)_([^/]+)$/;
const NUMBERED = /^(\d+)[_-](.+)\.sql$/;
const DBMATE_MARKER = /^--\s*migrate:up\b/m;

function parts(version: string): bigint[] {
  return version.split(/[._-]/).map((p) => BigInt(p));
}

/**
 * What one path is, judged by its name (and, for dbmate, its text): `V3__add_email.sql` is a
 * Flyway migration, `20240101_x.up.sql` golang-migrate / sqlx, `…/2024-01-01-000000_x/up.sql`
 * diesel, `…/20240101_x/migration.sql` Prisma, `0003_x.sql` a plain numbered file.
 */
export function parseMigrationPath(path: string, text?: string): Parsed | null {
  const file = posix.basename(path);
  const directory = posix.dirname(path);
  const flyway = FLYWAY.exec(file);
  if (flyway) return { layout: 'flyway', directory, version: flyway[2]!.replace(/_/g, '.'), description: flyway[3]!, role: flyway[1] === 'U' ? 'down' : 'up' };
  const upDown = UP_DOWN.exec(file);
  if (upDown) return { layout: 'golang-migrate', directory, version: upDown[1]!, description: upDown[2]!, role: upDown[3] === 'down' ? 'down' : 'up' };
  if (file === 'up.sql' || file === 'down.sql' || file === 'migration.sql') {
    const folder = FOLDER_UP_DOWN.exec(posix.basename(directory));
    if (!folder) return null;
    const version = folder[1]!.replace(/[-_]/g, '');
    const layout = file === 'migration.sql' ? 'prisma' : 'diesel';
    return { layout, directory: posix.dirname(directory), version, description: folder[2]!, role: file === 'down.sql' ? 'down' : 'up' };
  }
  const numbered = NUMBERED.exec(file);
  if (numbered) {
    const dbmate = text !== undefined && DBMATE_MARKER.test(text);
    return { layout: dbmate ? 'dbmate' : 'numbered', directory, version: numbered[1]!, description: numbered[2]!, role: 'up', sections: dbmate };
  }
  return null;
}

/** True when the path names a migration of a layout the gate reads. */
export function isMigrationPath(path: string): boolean {
  return parseMigrationPath(path) !== null;
}

function compareOrder(a: bigint[], b: bigint[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1n;
    const y = b[i] ?? -1n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Groups paths (a tree's files, with the text of `.sql` files when dbmate's markers matter) into
 * series per folder, each in version order. A folder needs two migrations or more to be a series,
 * so a lone `001_seed.sql` elsewhere is not taken for one.
 */
export function migrationSeries(paths: string[], textOf?: (path: string) => string | undefined): MigrationSeries[] {
  const byFolder = new Map<string, { layout: MigrationLayout; entries: Map<string, MigrationEntry> }>();
  for (const path of [...paths].sort()) {
    const parsed = parseMigrationPath(path, path.endsWith('.sql') ? textOf?.(path) : undefined);
    if (!parsed) continue;
    const folder = byFolder.get(parsed.directory) ?? { layout: parsed.layout, entries: new Map() };
    byFolder.set(parsed.directory, folder);
    // A folder is read as the layout of its first file; plain numbered files join any layout's folder only as numbered.
    if (
      folder.layout !== parsed.layout &&
      !(folder.layout === 'numbered' && parsed.layout === 'dbmate') &&
      !(folder.layout === 'dbmate' && parsed.layout === 'numbered')
    )
      continue;
    const key = parts(parsed.version).join('.');
    const entry = folder.entries.get(key) ?? {
      version: parsed.version,
      order: parts(parsed.version),
      description: parsed.description,
      up: '',
      down: null,
      sections: parsed.sections === true,
    };
    if (parsed.role === 'up') {
      entry.up = path;
      entry.description = parsed.description;
      entry.sections = parsed.sections === true;
    } else entry.down = path;
    folder.entries.set(key, entry);
  }
  return [...byFolder.entries()]
    .map(([directory, { layout, entries }]) => {
      const migrations = [...entries.values()].filter((e) => e.up !== '').sort((a, b) => compareOrder(a.order, b.order));
      const hasSections = migrations.some((m) => m.sections);
      return { directory, layout: hasSections ? ('dbmate' as const) : layout, migrations };
    })
    .filter((series) => series.migrations.length >= 2);
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
