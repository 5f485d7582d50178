import { posix } from 'node:path';
import {
  applyAcceptances,
  CHANGE_SEVERITIES,
  checkCompatibility,
  exitCodeForReport,
  MigrationArchitectError,
  systemClock,
  withIssues,
  type AcceptanceEntry,
  type ChangeSeverity,
  type Clock,
  type CompatibilityIssue,
  type CompatibilityReport,
  type GateConfig,
  type PluginRegistry,
} from '@migration-architect/core';
import { GitRepository, resolveBase } from '../git/git-repository.js';
import type { HistoryMigrationText, HistoryReplayer, MigrationHistorySupport } from '../history/migration-history-support.js';
import { recognizeInputs, type MigrationCandidate, type RecognizedInputs } from '../inputs/recognize-inputs.js';
import type { GateInput, GatePlan, GateResult } from '../report/gate-result.js';
import { gateIssue } from '../report/gate-rules.js';

export interface GateRequest {
  registry: PluginRegistry;
  /** Where the command runs; the repository is the one containing it. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** `--base REF`; default: `GITHUB_BASE_REF` in Actions, else the upstream default branch. The merge base with the head is compared. */
  base?: string | undefined;
  /** `--head REF`; default: the working tree. */
  head?: string | undefined;
  config?: GateConfig | undefined;
  /** `--paths`: globs narrowing the files considered. */
  paths?: string[] | undefined;
  /** The ledger's entries (config `accepted:` then the ledger file), and where they came from. */
  accepted?: AcceptanceEntry[] | undefined;
  acceptanceSources?: string[] | undefined;
  /** The file expired entries are reported at (the ledger file, or the config). */
  ledgerFile?: string | undefined;
  ruleOverrides?: Record<string, ChangeSeverity | 'off'> | undefined;
  failOn?: ChangeSeverity | 'none' | undefined;
  clock?: Clock | undefined;
  /** Migration folders support (the database plugin's exports); without it, SQL migrations are listed as skipped. */
  history?: MigrationHistorySupport | undefined;
  /** Replay on this server instead of PGlite. */
  devUrl?: string | undefined;
  cacheDir?: string | undefined;
  toolVersion?: string | undefined;
  /** Progress lines for stderr. */
  progress?: ((line: string) => void) | undefined;
}

interface Discovered {
  repo: GitRepository;
  base: GateResult['base'];
  head: GateResult['head'];
  recognized: RecognizedInputs;
}

async function discover(request: GateRequest): Promise<Discovered> {
  const repo = await GitRepository.open(request.cwd);
  const base = await resolveBase(repo, request);
  const headRef = request.head ?? null;
  if (headRef !== null && !(await repo.commit(headRef))) throw new MigrationArchitectError(`--head "${headRef}" names no commit`, 64);
  const changed = await repo.changedFiles(base.commit, headRef);
  const recognized = await recognizeInputs({
    repo,
    baseCommit: base.commit,
    headRef,
    changed,
    registry: request.registry,
    config: request.config ?? {},
    paths: request.paths,
    history: request.history,
  });
  return {
    repo,
    base,
    head: { ref: headRef ?? 'working tree', commit: headRef ? await repo.commit(headRef) : await repo.commit('HEAD') },
    recognized,
  };
}

/** `gate --dry-run`: what would be checked and why, without reading any schema or replaying anything. */
export async function planGate(request: GateRequest): Promise<GatePlan> {
  const { base, head, recognized } = await discover(request);
  return {
    base,
    head,
    inputs: [
      ...recognized.migrations.map((m) => ({ path: m.entry.up, kind: 'migration' as const, change: m.change, checker: request.history!.checker, why: m.why })),
      ...recognized.schemas.map((s) => ({ path: s.path, kind: 'schema' as const, change: s.change, checker: s.checker, why: s.why })),
      ...recognized.removedMigrations.map((r) => ({
        path: r.path,
        kind: 'migration' as const,
        change: 'deleted' as const,
        checker: request.history?.checker ?? 'database',
        why: `merged migration removed from ${r.directory}/`,
      })),
    ],
    skipped: recognized.skipped,
  };
}

function errorLine(error: unknown, file: string): string {
  if (error instanceof MigrationArchitectError) return error.withFile(file).describe();
  return `${file}: ${(error as Error).message.split('\n')[0]}`;
}

function emptyReport(checker: string, clock: Clock, name: string): CompatibilityReport {
  return {
    schema_type: checker,
    schema_before: name,
    schema_after: name,
    analysis_date: clock().toISOString(),
    overall_compatibility: 'fully_compatible',
    breaking_changes_count: 0,
    potentially_breaking_count: 0,
    non_breaking_changes_count: 0,
    additive_changes_count: 0,
    issues: [],
    migration_scripts: [],
    risk_assessment: { overall_risk: 'low', deployment_risk: 'safe_independent_deployment', rollback_complexity: 'low', testing_requirements: [] },
    recommendations: [],
  };
}

/** The text a migration applies: the file, or dbmate's up section (down section blanked, lines kept). */
function upText(history: MigrationHistorySupport, entry: { up: string; sections: boolean }, sql: Map<string, string>): string {
  const text = sql.get(entry.up) ?? '';
  return entry.sections ? history.dbmateSections(text).up : text;
}

function downText(
  history: MigrationHistorySupport,
  entry: { up: string; down: string | null; sections: boolean },
  sql: Map<string, string>,
): HistoryMigrationText | null {
  if (entry.sections) {
    const down = history.dbmateSections(sql.get(entry.up) ?? '').down;
    return down === null ? null : { path: `${entry.up} (migrate:down)`, text: down };
  }
  if (!entry.down) return null;
  const text = sql.get(entry.down);
  return text === undefined ? null : { path: entry.down, text };
}

async function checkMigration(
  request: GateRequest,
  history: MigrationHistorySupport,
  replayer: HistoryReplayer,
  candidate: MigrationCandidate,
  recognized: RecognizedInputs,
  root: string,
): Promise<GateInput> {
  const { series, index, entry } = candidate;
  const clock = request.clock ?? systemClock;
  const prefix = series.migrations.slice(0, index).map((m) => ({ path: m.up, text: upText(history, m, recognized.headSql) }));
  const up = { path: entry.up, text: upText(history, entry, recognized.headSql) };
  const input: GateInput = {
    path: entry.up,
    kind: 'migration',
    change: candidate.change,
    checker: history.checker,
    why: candidate.why,
    report: null,
    error: null,
  };
  const extra: CompatibilityIssue[] = [];
  if (candidate.change === 'modified' && recognized.baseSql.get(entry.up) !== recognized.headSql.get(entry.up)) {
    extra.push(
      gateIssue('edited', {
        file: entry.up,
        subject: `migrations.${series.directory}.${entry.version}`,
        description: `${posix.basename(entry.up)} is on the base branch already and this branch changes it`,
      }),
    );
  }
  request.progress?.(`gate: ${entry.up}: replaying ${prefix.length} earlier migration${prefix.length === 1 ? '' : 's'} on ${replayer.engine}`);
  const schema = await replayer.prefixSchema(prefix);
  input.replay = { earlier: prefix.length, cached: schema.cached, engine: replayer.engine };
  if (schema.failure) {
    extra.push(
      gateIssue('historyFails', {
        file: schema.failure.path,
        subject: `migrations.${series.directory}`,
        description: `${schema.failure.path} fails on a fresh database: ${schema.failure.error}${schema.failure.statement ? ` (in: ${schema.failure.statement})` : ''}`,
      }),
    );
  }
  let report: CompatibilityReport;
  try {
    report = await checkCompatibility(request.registry, {
      before: { name: `${series.directory}/ before ${posix.basename(entry.up)}`, document: schema.sql, fileName: 'schema.sql' },
      migration: { name: entry.up, document: up.text, fileName: posix.basename(entry.up) },
      type: history.checker,
      cwd: root,
      clock,
      ruleOverrides: request.ruleOverrides,
    });
  } catch (error) {
    input.error = errorLine(error, entry.up);
    report = emptyReport(history.checker, clock, entry.up);
  }
  const down = downText(history, entry, recognized.headSql);
  const trip = await replayer.roundTrip(prefix, up, down);
  input.round_trip = { status: trip.status, down: down?.path ?? null, differences: trip.differences };
  if (trip.status === 'does_not_apply' && trip.failure) {
    extra.push(
      gateIssue('doesNotApply', {
        file: entry.up,
        line: lineOf(up.text, trip.failure.statement),
        subject: `migrations.${series.directory}.${entry.version}`,
        description: `PostgreSQL refuses ${posix.basename(entry.up)}: ${trip.failure.error}${trip.failure.statement ? ` (in: ${trip.failure.statement})` : ''}`,
      }),
    );
  } else if (trip.status === 'failed') {
    const failing = trip.failure;
    extra.push(
      gateIssue('rollbackDiffers', {
        file: down?.path.replace(/ \(migrate:down\)$/, '') ?? entry.up,
        subject: `migrations.${series.directory}.${entry.version}`,
        description: failing
          ? `up → down → up fails at ${failing.path}: ${failing.error}${failing.statement ? ` (in: ${failing.statement})` : ''}`
          : `up → down → up does not return to the same schema: ${trip.differences.slice(0, 5).join('; ')}${trip.differences.length > 5 ? `; and ${trip.differences.length - 5} more` : ''}`,
      }),
    );
  }
  input.report = extra.length ? withIssues(report, [...extra, ...report.issues]) : report;
  return input;
}

/** The 1-based line of the statement's first line in the file, when found. */
function lineOf(text: string, statement: string): number | undefined {
  const first = statement.split('\n')[0]?.trim();
  if (!first) return undefined;
  const at = text.indexOf(first);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

async function checkSchema(request: GateRequest, candidate: RecognizedInputs['schemas'][number], repo: GitRepository, baseCommit: string): Promise<GateInput> {
  const clock = request.clock ?? systemClock;
  const input: GateInput = {
    path: candidate.path,
    kind: 'schema',
    change: candidate.change,
    checker: candidate.checker,
    why: candidate.why,
    report: null,
    error: candidate.error,
  };
  if (candidate.error) return input;
  const fileName = posix.basename(candidate.path);
  // A change set (a Terraform plan JSON) is checked alone, as `check plan.json` does; the base version plays no part.
  const [before, after] = candidate.changeSet
    ? [await repo.read(request.head ?? null, candidate.path), undefined]
    : await Promise.all([repo.read(baseCommit, candidate.path), repo.read(request.head ?? null, candidate.path)]);
  try {
    input.report = await checkCompatibility(request.registry, {
      before: { name: candidate.path, document: before ?? '', fileName },
      ...(candidate.changeSet ? {} : { after: { name: candidate.path, document: after ?? '', fileName } }),
      type: candidate.checker,
      cwd: repo.root,
      clock,
      ruleOverrides: request.ruleOverrides,
    });
  } catch (error) {
    input.error = errorLine(error, candidate.path);
  }
  return input;
}

function exitCodeOf(inputs: GateInput[], failOn: ChangeSeverity | 'none'): number {
  if (inputs.some((i) => i.error !== null)) return 65;
  return Math.max(0, ...inputs.map((i) => (i.report ? exitCodeForReport(i.report, failOn) : 0)));
}

/**
 * The gate: finds what the branch changed, checks every input with its checker (migrations on
 * the schema the earlier ones leave, with their round trip), applies the acceptance ledger, and
 * returns one result the reporters render.
 */
export async function runGate(request: GateRequest): Promise<GateResult> {
  const failOn = request.failOn ?? 'potentially_breaking';
  const clock = request.clock ?? systemClock;
  const { repo, base, head, recognized } = await discover(request);
  const inputs: GateInput[] = [];
  const history = request.history;
  if (recognized.migrations.length && history) {
    const replayer = await history.createHistoryReplayer({ devUrl: request.devUrl ?? null, cacheDir: request.cacheDir });
    try {
      for (const candidate of recognized.migrations) inputs.push(await checkMigration(request, history, replayer, candidate, recognized, repo.root));
    } finally {
      await replayer.close();
    }
  }
  for (const removed of recognized.removedMigrations) {
    const report = emptyReport(history?.checker ?? 'database', clock, removed.path);
    inputs.push({
      path: removed.path,
      kind: 'migration',
      change: 'deleted',
      checker: history?.checker ?? 'database',
      why: `merged migration removed from ${removed.directory}/`,
      report: withIssues(report, [
        gateIssue('removed', {
          file: removed.path,
          subject: `migrations.${removed.directory}`,
          description: `${posix.basename(removed.path)} is on the base branch and this branch deletes it`,
        }),
      ]),
      error: null,
    });
  }
  for (const candidate of recognized.schemas) {
    request.progress?.(`gate: ${candidate.path}: ${candidate.why}`);
    inputs.push(await checkSchema(request, candidate, repo, base.commit));
  }

  const entries = request.accepted ?? [];
  const today = clock().toISOString().slice(0, 10);
  const checked = inputs.filter((i) => i.report !== null);
  const outcome = applyAcceptances(
    checked.map((i) => i.report!),
    entries,
    today,
  );
  checked.forEach((input, i) => {
    input.report = outcome.reports[i]!;
  });
  if (outcome.expired.length) {
    const ledger = request.ledgerFile ?? 'migration-architect.config';
    const report = emptyReport('gate', clock, ledger);
    inputs.push({
      path: ledger,
      kind: 'ledger',
      change: 'modified',
      checker: 'gate',
      why: 'acceptance ledger',
      report: withIssues(
        report,
        outcome.expired.map(({ entry, index }) =>
          gateIssue('expired', {
            file: ledger,
            subject: `accepted[${index}]`,
            description: `accepted entry #${index + 1} (${entry.rule}${entry.subject ? ` ${entry.subject}` : ''}${entry.location ? ` at ${entry.location}` : ''}, accepted by ${entry.accepted_by}) expired on ${entry.expires}`,
          }),
        ),
      ),
      error: null,
    });
  }
  const counts = Object.fromEntries(CHANGE_SEVERITIES.map((s) => [s, 0])) as Record<ChangeSeverity, number>;
  for (const input of inputs) for (const issue of input.report?.issues ?? []) counts[issue.severity]++;
  return {
    tool: { name: 'migration-architect', version: request.toolVersion ?? '0.0.0' },
    base,
    head,
    fail_on: failOn,
    inputs,
    skipped: recognized.skipped,
    acceptance: {
      sources: request.acceptanceSources ?? [],
      accepted: outcome.accepted.map((a) => ({ entry: a.entry, entry_number: a.index + 1, input: checked[a.report]!.path, issue: a.issue })),
      expired: outcome.expired.map((e) => ({ entry: e.entry, entry_number: e.index + 1 })),
      unmatched: outcome.unmatched.map((e) => ({ entry: e.entry, entry_number: e.index + 1 })),
    },
    counts,
    exit_code: exitCodeOf(inputs, failOn),
  };
}
