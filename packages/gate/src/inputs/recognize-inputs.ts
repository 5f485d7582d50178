import { posix } from 'node:path';
import { createSchemaInputHandle, MigrationArchitectError, qualifiedId, type GateConfig, type PluginRegistry } from '@migration-architect/core';
import picomatch from 'picomatch';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_SQL_SCHEMAS } from '../config/gate-config.js';
import type { ChangedFile, GitRepository } from '../git/git-repository.js';
import type { HistoryEntry, HistorySeries, MigrationHistorySupport } from '../history/migration-history-support.js';

/** A schema file the branch changed, and the source that claimed it. */
export interface SchemaCandidate {
  path: string;
  change: ChangedFile['status'];
  checker: string;
  why: string;
  /** The source threw on the head version: reported as the input's error. */
  error: string | null;
  /** The head version is a change set in itself (a Terraform plan JSON): checked alone, not against the base. */
  changeSet: boolean;
}

/** A migration the branch added or changed, in its series. */
export interface MigrationCandidate {
  series: HistorySeries;
  index: number;
  entry: HistoryEntry;
  change: 'added' | 'modified';
  why: string;
}

export interface RecognizedInputs {
  schemas: SchemaCandidate[];
  migrations: MigrationCandidate[];
  /** Merged migrations the branch deleted. */
  removedMigrations: { path: string; directory: string }[];
  skipped: { path: string; why: string }[];
  /** The head version of every `.sql` file of the tree (migrations are replayed from these). */
  headSql: Map<string, string>;
  baseSql: Map<string, string>;
}

export interface RecognizeRequest {
  repo: GitRepository;
  baseCommit: string;
  /** null: the working tree. */
  headRef: string | null;
  changed: ChangedFile[];
  registry: PluginRegistry;
  config: GateConfig;
  /** `--paths`: only files matching one of these globs are considered. */
  paths?: string[] | undefined;
  history?: MigrationHistorySupport | undefined;
}

const isSql = (path: string) => /\.sql$/i.test(path);

/** The source that reads this text, asked in registry order as `check` asks them; undefined when none does. */
export async function claimingSource(
  registry: PluginRegistry,
  path: string,
  text: string,
  cwd: string,
): Promise<{ checker: string; source: string; title: string; error: string | null; changeSet: boolean } | undefined> {
  const handle = createSchemaInputHandle({ name: path, document: text, fileName: posix.basename(path) }, { cwd, explicit: false });
  for (const source of registry.sources()) {
    if (!registry.checker(source.checker)) continue;
    const claim = { checker: source.checker, source: qualifiedId(source.namespace, source.id), title: source.title };
    try {
      const read = await source.read(handle);
      if (read !== undefined) return { ...claim, error: null, changeSet: read.changeSet !== undefined };
    } catch (error) {
      // The source recognized the format and found it broken: that is the input's finding.
      const line = error instanceof MigrationArchitectError ? error.withFile(path).describe() : `${path}: ${(error as Error).message}`;
      return { ...claim, error: line, changeSet: false };
    }
  }
  return undefined;
}

/**
 * Whether the source that read a deleted file's base version also reads an empty document when
 * told its type (manifests: no objects), so the file is compared with nothing: everything it held is
 * deleted. Asked of the source, so the gate names no format.
 */
async function readsEmpty(registry: PluginRegistry, sourceId: string, path: string, cwd: string): Promise<boolean> {
  const source = registry.sources().find((s) => qualifiedId(s.namespace, s.id) === sourceId);
  if (!source) return false;
  const handle = createSchemaInputHandle({ name: path, document: '', fileName: posix.basename(path) }, { cwd, explicit: true });
  try {
    return (await source.read(handle)) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Sorts the branch's changed files into what the gate checks: migrations (a file of a series a
 * history plugin recognizes), schema files (a loaded source reads them), and the rest, each
 * skipped file with the reason.
 */
export async function recognizeInputs(request: RecognizeRequest): Promise<RecognizedInputs> {
  const { repo, changed, registry, config, history } = request;
  const include = picomatch(config.include ?? DEFAULT_INCLUDE, { dot: true });
  const exclude = picomatch([...DEFAULT_EXCLUDE, ...(config.exclude ?? [])], { dot: true });
  const sqlSchema = picomatch(config.sql_schemas ?? DEFAULT_SQL_SCHEMAS, { dot: true });
  const only = request.paths?.length ? picomatch(request.paths, { dot: true }) : () => true;
  const considered = (path: string) => include(path) && !exclude(path);

  const skipped: RecognizedInputs['skipped'] = [];
  const schemas: SchemaCandidate[] = [];
  const migrations: MigrationCandidate[] = [];
  const removedMigrations: RecognizedInputs['removedMigrations'] = [];

  const historyLoaded = history !== undefined && registry.checker(history.checker) !== undefined;
  const needsSql = historyLoaded && changed.some((f) => isSql(f.path) && considered(f.path) && only(f.path));
  const [headFiles, baseFiles] = needsSql ? await Promise.all([repo.files(request.headRef), repo.files(request.baseCommit)]) : [[], []];
  const headSqlPaths = headFiles.filter((p) => isSql(p) && considered(p) && !sqlSchema(p));
  const baseSqlPaths = baseFiles.filter((p) => isSql(p) && considered(p) && !sqlSchema(p));
  const [headSql, baseSql] = await Promise.all([repo.readMany(request.headRef, headSqlPaths), repo.readMany(request.baseCommit, baseSqlPaths)]);
  const headSeries = historyLoaded ? history.migrationSeries(headSqlPaths, (p) => headSql.get(p)) : [];
  const baseSeries = historyLoaded ? history.migrationSeries(baseSqlPaths, (p) => baseSql.get(p)) : [];
  const memberOf = new Map<string, { series: HistorySeries; index: number }>();
  for (const series of headSeries)
    series.migrations.forEach((entry, index) => {
      memberOf.set(entry.up, { series, index });
      if (entry.down) memberOf.set(entry.down, { series, index });
    });
  const baseMember = new Map<string, HistorySeries>();
  for (const series of baseSeries) for (const entry of series.migrations) for (const p of [entry.up, entry.down]) if (p) baseMember.set(p, series);

  const taken = new Set<string>();
  for (const file of changed) {
    const { path } = file;
    if (!only(path)) {
      skipped.push({ path, why: 'not matched by --paths' });
      continue;
    }
    if (!considered(path)) {
      skipped.push({ path, why: exclude(path) ? 'excluded (gate.exclude or a default exclusion)' : 'not matched by the gate globs (gate.include)' });
      continue;
    }
    if (isSql(path) && !sqlSchema(path)) {
      const member = memberOf.get(path);
      if (member && file.status !== 'deleted') {
        const entry = member.series.migrations[member.index]!;
        if (taken.has(entry.up)) continue;
        taken.add(entry.up);
        const existed = baseSql.has(entry.up);
        const change = existed ? 'modified' : 'added';
        migrations.push({
          series: member.series,
          index: member.index,
          entry,
          change,
          why: `${member.series.layout} migration ${entry.version} in ${member.series.directory}/, after ${member.index} earlier migration${member.index === 1 ? '' : 's'}${entry.down ? `; down: ${posix.basename(entry.down)}` : ''}`,
        });
        continue;
      }
      const was = baseMember.get(path);
      if (file.status === 'deleted' && was) {
        removedMigrations.push({ path, directory: was.directory });
        continue;
      }
      skipped.push({
        path,
        why: historyLoaded
          ? 'SQL file neither in a migration folder nor named as a schema (gate.sql_schemas)'
          : `SQL migrations need the ${history?.checker ?? 'database'} plugin's migration folders support, which is not loaded`,
      });
      continue;
    }
    if (file.status === 'deleted') {
      const was = await repo.read(request.baseCommit, path);
      const claim = was === null ? undefined : await claimingSource(registry, path, was, repo.root);
      if (claim && claim.error === null && !claim.changeSet && (await readsEmpty(registry, claim.source, path, repo.root))) {
        schemas.push({
          path,
          change: 'deleted',
          checker: claim.checker,
          why: `deleted; read by ${claim.source} (${claim.title}) on the base, compared with nothing: everything it held is removed`,
          error: null,
          changeSet: false,
        });
        continue;
      }
      skipped.push({ path, why: claim?.changeSet ? `deleted; a change set (${claim.title}), nothing to check` : 'deleted: nothing to check on the head side' });
      continue;
    }
    const text = await repo.read(request.headRef, path);
    if (text === null) {
      skipped.push({ path, why: 'not readable on the head side' });
      continue;
    }
    const claim = await claimingSource(registry, path, text, repo.root);
    if (!claim) {
      skipped.push({ path, why: 'no loaded source reads it' });
      continue;
    }
    if (claim.changeSet) {
      schemas.push({
        path,
        change: file.status,
        checker: claim.checker,
        why: `read by ${claim.source} (${claim.title}): a change set in itself, checked alone`,
        error: claim.error,
        changeSet: true,
      });
      continue;
    }
    if (file.status === 'added' && claim.error === null) {
      skipped.push({ path, why: `added; read by ${claim.source} (${claim.title}), nothing to compare it with on the base` });
      continue;
    }
    schemas.push({ path, change: file.status, checker: claim.checker, why: `read by ${claim.source} (${claim.title})`, error: claim.error, changeSet: false });
  }
  migrations.sort((a, b) => (a.series.directory === b.series.directory ? a.index - b.index : a.series.directory < b.series.directory ? -1 : 1));
  return { schemas, migrations, removedMigrations, skipped, headSql, baseSql };
}
