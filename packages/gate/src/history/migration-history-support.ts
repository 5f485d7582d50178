/*
 * What the gate needs from a plugin that knows migration folders: which files form ordered
 * series, and a replayer for the schema before a migration and its up → down → up round trip.
 * The database plugin exports exactly these functions; the gate is given them (structurally
 * typed, so this package does not depend on any plugin).
 */

export interface HistoryEntry {
  version: string;
  up: string;
  down: string | null;
  /** Up and down are sections of the one file (dbmate). */
  sections: boolean;
}

export interface HistorySeries {
  directory: string;
  layout: string;
  migrations: HistoryEntry[];
}

export interface HistoryMigrationText {
  path: string;
  text: string;
}

export interface HistoryFailure {
  path: string;
  statement: string;
  error: string;
}

export interface HistoryRoundTrip {
  status: 'passed' | 'failed' | 'no_down' | 'does_not_apply';
  differences: string[];
  failure: HistoryFailure | null;
}

export interface HistoryReplayer {
  readonly engine: string;
  prefixSchema(prefix: HistoryMigrationText[]): Promise<{ sql: string; cached: boolean; failure: HistoryFailure | null }>;
  roundTrip(prefix: HistoryMigrationText[], up: HistoryMigrationText, down: HistoryMigrationText | null): Promise<HistoryRoundTrip>;
  close(): Promise<void>;
}

export interface MigrationHistorySupport {
  /** The checker the migrations are linted with (`database`): `check --before <replayed schema> --migration <file>`. */
  checker: string;
  migrationSeries(paths: string[], textOf?: (path: string) => string | undefined): HistorySeries[];
  dbmateSections(text: string): { up: string; down: string | null };
  createHistoryReplayer(options: { devUrl?: string | null | undefined; cacheDir?: string | undefined }): Promise<HistoryReplayer>;
}
