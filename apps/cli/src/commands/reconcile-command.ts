import { UsageError } from '@migration-architect/core';
import { defineCommand } from 'citty';
import { describeFormats, parseFormat, renderOutputFiles } from '../io/emit-document.js';
import { writeFilesAtomically } from '../io/write-output.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, globalArgs } from './shared-args.js';

/**
 * The formats reconcile's renderers give (`reconcileFormats` in the reconcile package). Named here so
 * that `--help` does not load the engine and its drivers; a test keeps the two equal.
 */
export const RECONCILE_FORMATS = ['json', 'text', 'markdown', 'both'] as const;

const PACKAGE = '@migration-architect/reconcile';

const args = {
  source: {
    type: 'string',
    description: 'Source database: sqlite:path/file.db, a .db / .sqlite file, postgres://user@host/db or mysql://user@host/db',
    valueHint: 'url',
  },
  target: { type: 'string', description: 'Target database (same forms)', valueHint: 'url' },
  table: { type: 'string', description: 'One table to compare (schema.table on PostgreSQL)', valueHint: 'table' },
  tables: { type: 'string', description: 'Tables to compare, comma-separated, or all (every table of both sides)', valueHint: 'a,b,c|all' },
  key: { type: 'string', description: 'Key columns, comma-separated (default: the primary key)', valueHint: 'id|a,b' },
  columns: { type: 'string', description: 'Compare only these columns (besides the key), comma-separated', valueHint: 'a,b' },
  exclude: { type: 'string', description: 'Columns not to compare, comma-separated', valueHint: 'a,b' },
  where: { type: 'string', description: 'SQL filter applied on both sides, e.g. "created_at < \'2025-01-01\'"', valueHint: 'sql' },
  level: {
    type: 'string',
    description: 'count (row counts), checksum (differing key ranges) or rows (every missing, extra and changed row; default)',
    valueHint: 'count|checksum|rows',
  },
  jobs: { type: 'string', alias: 'j', description: 'Connections per side hashing key ranges in parallel (default 1)', valueHint: 'n' },
  resume: { type: 'string', description: 'State file: ranges compared by an interrupted run with the same file are skipped', valueHint: 'state.json' },
  'float-tolerance': { type: 'string', description: 'Floats equal when |a − b| ≤ tolerance × max(1, |a|, |b|) (default 0: exact)', valueHint: '1e-9' },
  'naive-time-zone': {
    type: 'string',
    description: 'IANA zone that timestamps stored without a zone are wall-clock times of (default UTC), e.g. Europe/Berlin',
    valueHint: 'zone',
  },
  hash: {
    type: 'string',
    description: 'auto (default: the fastest hash both sides compute alike) or md5 (md5 of the canonical row text on every table, for a sign-off)',
    valueHint: 'auto|md5',
  },
  strategy: {
    type: 'string',
    description:
      'Level rows: auto (default: a probe times hashing and streaming on each table, the cheaper runs), hash (hash every key range) or stream (read every row of both sides in key order)',
    valueHint: 'auto|hash|stream',
  },
  'fix-sql-disable-triggers': {
    type: 'boolean',
    description: 'Fix SQL for PostgreSQL starts with SET LOCAL session_replication_role = replica (triggers and FK checks do not fire)',
  },
  'print-fix-sql': {
    type: 'boolean',
    description: 'Print SQL that would make the target match the source to stdout (never executed); the report goes to --output',
  },
  limit: { type: 'string', description: 'Rows listed per kind of difference and table (default 100; counts are always complete)', valueHint: 'n' },
  ...globalArgs,
  output: { type: 'string', alias: 'o', description: 'Write the report to this file (atomically) instead of stdout', valueHint: 'file' },
  format: { type: 'string', alias: 'f', description: describeFormats(RECONCILE_FORMATS), valueHint: RECONCILE_FORMATS.join('|') },
} as const;

type ReconcileModule = typeof import('@migration-architect/reconcile');

/** The engine lives in its own package, so that users who never reconcile never install drivers. */
async function loadReconcile(): Promise<ReconcileModule> {
  try {
    return await import('@migration-architect/reconcile');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes(PACKAGE)) {
      throw new UsageError(`reconcile needs the package ${PACKAGE}; install it next to the CLI (npm i ${PACKAGE})`);
    }
    throw error;
  }
}

function list(value: string | undefined, flag: string): string[] | null {
  if (value === undefined) return null;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${flag} needs at least one name`);
  return items;
}

function count(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${flag} must be a whole number; got "${value}"`);
  return Number(value);
}

function tables(table: string | undefined, many: string | undefined): string[] | 'all' {
  if (table && many) throw new UsageError('give either --table or --tables, not both');
  if (many?.trim() === 'all') return 'all';
  const names = list(table ?? many, table ? 'table' : 'tables');
  if (!names) throw new UsageError('name the tables to compare: --table T, --tables a,b,c or --tables all');
  return names;
}

export function reconcileCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: {
      name: 'reconcile',
      description:
        'Compare the data of a source and a target database: counts, checksums of key ranges, missing / extra / changed rows; exit 0 (equal) or 1 (differences)',
    },
    args,
    async run({ args: parsed, rawArgs }) {
      assertKnownFlags(rawArgs, args);
      const format = parseFormat(parsed.format, RECONCILE_FORMATS);
      if (!parsed.source || !parsed.target) throw new UsageError('reconcile needs --source URL and --target URL');
      const level = parsed.level ?? 'rows';
      if (!['count', 'checksum', 'rows'].includes(level)) throw new UsageError(`--level must be count, checksum or rows; got "${level}"`);
      const tolerance = parsed['float-tolerance'] === undefined ? 0 : Number(parsed['float-tolerance']);
      if (Number.isNaN(tolerance)) throw new UsageError(`--float-tolerance must be a number such as 1e-9; got "${parsed['float-tolerance']}"`);
      const options = {
        source: parsed.source,
        target: parsed.target,
        cwd: runtime.io.cwd,
        tables: tables(parsed.table, parsed.tables),
        key: list(parsed.key, 'key'),
        columns: list(parsed.columns, 'columns'),
        exclude: list(parsed.exclude, 'exclude') ?? [],
        where: parsed.where ?? null,
        level: level as 'count' | 'checksum' | 'rows',
        jobs: count(parsed.jobs, 'jobs', 1),
        floatTolerance: tolerance,
        resume: parsed.resume ?? null,
        limit: count(parsed.limit, 'limit', 100),
        fixSql: Boolean(parsed['print-fix-sql']),
        fixSqlDisableTriggers: Boolean(parsed['fix-sql-disable-triggers']),
        naiveTimeZone: parsed['naive-time-zone'] ?? null,
        // Checked by reconcile itself (a usage error naming the values it takes).
        hash: (parsed.hash ?? 'auto') as 'auto' | 'md5',
        strategy: (parsed.strategy ?? 'auto') as 'auto' | 'hash' | 'stream',
        clock: runtime.clock,
      };
      const engine = await loadReconcile();
      // A progress bar only on a terminal; logs and pipes stay clean.
      const progress = runtime.io.stderrIsTty && !runtime.io.env.CI ? await engine.terminalProgress(process.stderr) : undefined;
      const { report, fixSql } = await engine.reconcile({ ...options, progress });
      // `both`: the JSON, and the text beside it (`report.json` + `report.txt`), as for the other commands.
      const files = renderOutputFiles(engine.reconcileFormats, 'reconcile', format, report, parsed.output ?? '');
      const rendered = files.map((f) => f.content).join('\n');
      if (fixSql !== null) {
        runtime.io.stdout(fixSql);
        if (parsed.output) await writeFilesAtomically(files, runtime.io.cwd);
        const s = report.summary;
        runtime.io.stderr(
          `reconcile: ${s.equal ? 'equal' : report.tables.every((t) => t.status === 'equal' || t.status === 'counted') ? 'counts match (content not compared)' : `missing ${s.missing}, extra ${s.extra}, changed ${s.changed}`}${parsed.output ? `; wrote ${parsed.output}` : ''}\n`,
        );
      } else if (parsed.output) {
        await writeFilesAtomically(files, runtime.io.cwd);
        for (const file of files) runtime.io.stderr(`wrote ${file.path}\n`);
      } else runtime.io.stdout(rendered);
      runtime.exitCode = engine.reconcileExitCode(report);
    },
  });
}
