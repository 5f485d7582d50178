import type { MigrationLayout, MigrationPathInfo } from '../plugin/migration-layout-types.js';

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
  /** Up and down are sections of the one file (dbmate). */
  sections: boolean;
}

/** A folder of migrations in order, as one tool lays it out. */
export interface MigrationSeries {
  directory: string;
  /** The layout's id (`flyway`). */
  layout: string;
  migrations: MigrationEntry[];
}

export interface ParsedMigrationPath extends MigrationPathInfo {
  layout: string;
}

/** What a path is to the first layout (in order) that parses it; null when none does. */
export function parseMigrationPath(layouts: readonly MigrationLayout[], path: string, text?: string): ParsedMigrationPath | null {
  for (const layout of layouts) {
    const parsed = layout.parse(path, text);
    if (parsed) return { ...parsed, layout: layout.id };
  }
  return null;
}

function parts(version: string): bigint[] {
  return version.split(/[._-]/).map((p) => BigInt(p.replace(/\D/g, '') || '0'));
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
 * Groups paths (a tree's files, with the text of `.sql` files for layouts that read it) into
 * series per folder, each in version order. A folder is read as the layout of its first file;
 * other layouts' files join it only when the layouts share folders, and the series then takes the
 * first of its layouts in contribution order (dbmate before plain numbered files). A folder needs
 * two migrations or more to be a series, so a lone `001_seed.sql` elsewhere is not taken for one.
 */
export function migrationSeries(layouts: readonly MigrationLayout[], paths: string[], textOf?: (path: string) => string | undefined): MigrationSeries[] {
  const rank = new Map(layouts.map((layout, i) => [layout.id, i]));
  const shares = (a: string, b: string) =>
    a === b || layouts.some((l) => (l.id === a && l.sharesFolderWith.includes(b)) || (l.id === b && l.sharesFolderWith.includes(a)));
  const byFolder = new Map<string, { layout: string; layouts: Set<string>; entries: Map<string, MigrationEntry> }>();
  for (const path of [...paths].sort()) {
    const parsed = parseMigrationPath(layouts, path, path.endsWith('.sql') ? textOf?.(path) : undefined);
    if (!parsed) continue;
    const folder = byFolder.get(parsed.directory) ?? { layout: parsed.layout, layouts: new Set<string>(), entries: new Map() };
    byFolder.set(parsed.directory, folder);
    if (!shares(folder.layout, parsed.layout)) continue;
    folder.layouts.add(parsed.layout);
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
    .map(([directory, folder]) => {
      const migrations = [...folder.entries.values()].filter((e) => e.up !== '').sort((a, b) => compareOrder(a.order, b.order));
      const layout = [...folder.layouts].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))[0] ?? folder.layout;
      return { directory, layout, migrations };
    })
    .filter((series) => series.migrations.length >= 2);
}

/** A sectioned file split by the first layout (in order) that recognizes its form; null when none does. */
export function splitMigrationSections(layouts: readonly MigrationLayout[], text: string): { up: string; down: string | null } | null {
  for (const layout of layouts) {
    const split = layout.splitSections?.(text);
    if (split) return split;
  }
  return null;
}
