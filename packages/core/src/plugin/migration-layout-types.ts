import type { ContributionOrder } from './contract-types.js';

/** What one path is to a migration tool, judged by its name (and text, when the layout needs it). */
export interface MigrationPathInfo {
  /** The folder the series lives in (diesel and Prisma: the parent of the per-migration folder). */
  directory: string;
  /** The version as written (`1.2`, `20240101120000`, `0003`); its numeric parts order the series. */
  version: string;
  description: string;
  /** `up` applies the migration; `down` undoes it (Flyway `U…`, `.down.sql`). */
  role: 'up' | 'down';
  /** Up and down are sections of the one file (dbmate's `-- migrate:up` / `-- migrate:down`). */
  sections?: boolean | undefined;
}

/**
 * How one migration tool lays out its folder (`V3__add_email.sql`, `0003_x.up.sql`,
 * `20240101_x/migration.sql`): `gate` asks the registry's layouts which changed files are
 * migrations, in which order, and replays the earlier ones with the layout's checker.
 */
export interface MigrationLayoutInput {
  /** The layout's name, as reports show it: `flyway`. Unique within the plugin; reported as `namespace/id` in listings. */
  id: string;
  /** The checker the migrations are read and linted with (`database`). */
  checker: string;
  /** Short human name: "Flyway". */
  title: string;
  /** One sentence: which files it reads, e.g. "`V<version>__<name>.sql`, undo files `U<version>__<name>.sql`". */
  description: string;
  /** Layouts are asked in order (`pre`, `normal`, `post`, then plugin and list order); the first that parses a path claims it. */
  order?: ContributionOrder | undefined;
  /**
   * Layouts whose files may share a folder with this one's (dbmate and plain numbered files);
   * otherwise a folder is read as the layout of its first file and other layouts' files are skipped.
   */
  sharesFolderWith?: string[] | undefined;
  /** What a path is to this layout, or null when it is not one of its files. `text` is given for `.sql` files. */
  parse: (path: string, text?: string) => MigrationPathInfo | null;
  /** Splits a file whose up and down are sections (`sections: true`); null when the text is not in this layout's form. */
  splitSections?: ((text: string) => { up: string; down: string | null } | null) | undefined;
}

export interface MigrationLayout extends MigrationLayoutInput {
  order: ContributionOrder;
  sharesFolderWith: string[];
}
