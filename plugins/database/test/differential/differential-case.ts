import { compareSchemas, type CompatibilityReport, type RenameHint, type ResolvedSchemaInput, type Verification } from '@migration-architect/core';
import { replayScripts } from '../../src/verify/replay.js';
import type { ScratchDatabase, ScratchEngine } from '../../src/verify/scratch-database.js';
import { splitStatements } from '../../src/verify/sql-statements.js';
import { clock, registry } from '../fixtures.js';
import { PostgresSession, type PostgresServer } from '../postgres-server.js';
import { handle } from '../source-handles.js';
import type { BaseSchema } from './base-schemas.js';
import { CATALOG_QUERY, mutationSql, type Catalog, type Mutation } from './schema-mutations.js';

/** What one case came to: `passed`, `needs input`, or the class of failure with its details. */
export interface CaseOutcome {
  outcome: string;
  /** The mutations that ran on the after database, as SQL, in order. */
  applied: string[];
  scripts: number;
  details: string[];
}

const checker = registry.checker('database')!;
const liveSource = registry.sources('database').find((s) => s.id === 'postgres-live')!;

/** An error as a class: names and numbers blanked, so the same bug on two tables counts once. */
const errorClass = (error = '') =>
  error
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b\d+\b/g, 'N')
    .split(';')[0]!
    .slice(0, 110);

/**
 * The differential test's oracle is PostgreSQL: a "before" database built from a base schema, an
 * "after" one built from it by mutations, both read as `check` reads a live database, the report's
 * scripts replayed by the verifier (`check --verify`) on a copy of "before", and the catalogs compared
 * both ways. Databases are copies of one template per base schema (a file copy, not a replay).
 */
export class DifferentialHarness {
  private readonly befores = new Map<string, Promise<{ template: string; read: ResolvedSchemaInput }>>();
  private counter = 0;

  constructor(private readonly server: PostgresServer) {}

  private async input(name: string, url: string): Promise<ResolvedSchemaInput> {
    const read = await liveSource.read(handle(url));
    if (!read) throw new Error(`the live source does not read ${url}`);
    return { name, checker, source: liveSource, read };
  }

  private before(base: BaseSchema) {
    let made = this.befores.get(base.name);
    if (!made) {
      made = (async () => {
        const template = await this.server.template(`ma_diff_${process.pid}`, base.sql, async (db) => {
          for (const statement of await splitStatements(base.sql)) await db.run(statement);
        });
        const name = `ma_diff_read_${process.pid}_${this.counter++}`;
        const url = await this.server.createDatabase(name, template);
        try {
          return { template, read: await this.input(`${base.name} (before)`, url) };
        } finally {
          await this.server.dropDatabase(name);
        }
      })();
      this.befores.set(base.name, made);
    }
    return made;
  }

  /**
   * Scratch databases for the verifier, which asks for two: the database the scripts run on (a copy
   * of the before template), then the target (the after database itself, already built).
   */
  private engine(template: string, after: string): ScratchEngine {
    let created = 0;
    return {
      name: 'test server',
      create: async () => {
        const name = created++ === 0 ? `ma_diff_scratch_${process.pid}_${this.counter++}` : after;
        const url = name === after ? this.server.databaseUrl(after) : await this.server.createDatabase(name, template);
        const session = await PostgresSession.connect(url);
        const database: ScratchDatabase = {
          run: async (sql) => void (await session.run(sql)),
          query: async <Row extends Record<string, unknown>>(sql: string) => (await session.run(sql)) as Row[],
          close: async () => {
            await session.close();
            await this.server.dropDatabase(name);
          },
        };
        return database;
      },
      close: async () => {},
    };
  }

  /** Applies the mutations that PostgreSQL accepts, each in its own transaction; returns their SQL. */
  private async mutate(db: PostgresSession, mutations: readonly Mutation[]): Promise<{ applied: string[]; renames: RenameHint[] }> {
    const applied: string[] = [];
    const renames: RenameHint[] = [];
    // A rename is declared (`--rename`) only between the two schemas: of a table or column the base has, under the
    // name it has there, to its last name (renames chain). One of an object an earlier mutation made is no such rename.
    const base = (await db.value(CATALOG_QUERY)) as Catalog;
    const inBase = (table: string, column?: string) =>
      base.tables.some((t) => t.name === table && (column === undefined || t.columns.some((c) => c.name === column)));
    for (const [k, mutation] of mutations.entries()) {
      const catalog = (await db.value(CATALOG_QUERY)) as Catalog;
      const sql = mutationSql(mutation, catalog, k);
      if (!sql) continue;
      try {
        await db.run('BEGIN');
        for (const statement of sql) await db.run(statement);
        await db.run('COMMIT');
        applied.push(...sql);
        // An odd last pick declares the rename (`check --rename`); an even one leaves it a drop and an add.
        const renamed = /^ALTER TABLE "([^"]+)" RENAME (?:COLUMN "([^"]+)" )?TO "([^"]+)"$/.exec(sql[0]!);
        if (renamed && (mutation.picks.at(-1) ?? 0) % 2 === 1) {
          const [, table, column, to] = renamed;
          const hint = column ? { from: `${table}.${column}`, to: `${table}.${to}` } : { from: table!, to: to! };
          const earlier = renames.find((r) => r.to === hint.from);
          // The table of a declared table rename is the base's under its new name.
          const baseTable = renames.find((r) => !r.from.includes('.') && r.to === table)?.from ?? table!;
          if (earlier) earlier.to = hint.to;
          else if (column ? inBase(baseTable, column) : inBase(table!)) renames.push(hint);
        }
      } catch {
        await db.run('ROLLBACK');
      }
    }
    return { applied, renames };
  }

  async run(base: BaseSchema, mutations: readonly Mutation[]): Promise<CaseOutcome & { report?: CompatibilityReport; verification?: Verification }> {
    const { template, read: before } = await this.before(base);
    const name = `ma_diff_after_${process.pid}_${this.counter++}`;
    const url = await this.server.createDatabase(name, template);
    let applied: string[] = [];
    let renames: RenameHint[] = [];
    try {
      const db = await PostgresSession.connect(url);
      try {
        ({ applied, renames } = await this.mutate(db, mutations));
      } finally {
        await db.close();
      }
      const after = await this.input(`${base.name} (after)`, url);
      let report: CompatibilityReport;
      try {
        report = compareSchemas(checker, before, after, { clock, renames });
      } catch (error) {
        return { outcome: `check throws: ${errorClass((error as Error).message)}`, applied, scripts: 0, details: [(error as Error).stack ?? String(error)] };
      }
      // The after database is the verifier's target as it stands: nothing to load into it.
      const verification = await replayScripts({
        report,
        before: { name: 'before', sql: [] },
        after: { name: 'after', sql: [] },
        engine: this.engine(template, name),
      });
      return { ...classify(report, verification), applied, scripts: report.migration_scripts.length, report, verification };
    } finally {
      await this.server.dropDatabase(name);
    }
  }
}

/** The first thing wrong with a replay, as a class and the lines that show it. */
export function classify(report: CompatibilityReport, verification: Verification): Pick<CaseOutcome, 'outcome' | 'details'> {
  const scriptOf = (index: number) => report.migration_scripts[index]!;
  for (const step of ['migration', 'validation', 'rollback'] as const) {
    const failed = verification.scripts.find((s) => s[step].status === 'failed');
    if (failed) {
      const label = { migration: 'forward script', validation: 'validation query', rollback: 'rollback script' }[step];
      const script = scriptOf(failed.index);
      return {
        outcome: `${label} fails: ${errorClass(failed[step].error)}`,
        details: [
          `script ${failed.index + 1} (${failed.description}): ${failed[step].error}`,
          `statement: ${failed[step].statement ?? '(whole query)'}`,
          step === 'rollback' ? script.rollback_script : script.script_content,
        ],
      };
    }
  }
  const broken = verification.notes.filter((n) => /in a cycle|which no script of the report is/.test(n));
  if (broken.length) return { outcome: 'script dependencies broken', details: broken };
  const waiting = verification.scripts.filter((s) => s.migration.status === 'needs_input');
  // A script that needs a value only the user knows must say which, where the user reads it.
  const unexplained = waiting.flatMap((s) =>
    (s.migration.placeholders ?? []).filter(
      (p) =>
        !scriptOf(s.index)
          .script_content.split('\n')
          .some((line) => line.trim().startsWith('--') && line.includes(p)),
    ),
  );
  if (unexplained.length) return { outcome: 'needs input without saying which value', details: unexplained };
  if (verification.after_rollback.differences.length) {
    const back = verification.after_rollback.differences;
    if (back.every((d) => /^column\.identity_changed \S+auto_increment: ∅ → "serial"/.test(d)))
      return { outcome: "rollback does not return to the before schema: a serial column's default moved to another sequence", details: back.slice(0, 8) };
    return { outcome: 'rollback does not return to the before schema', details: back.slice(0, 8) };
  }
  if (waiting.length) return { outcome: 'needs input', details: waiting.map((s) => `${s.description}: ${s.migration.placeholders?.join(', ')}`) };
  const left = verification.after_migration.differences;
  if (left.length) {
    if (left.some((d) => /^column\.removed \S+_new: /.test(d)))
      return { outcome: 'type change left in its expand phase (shadow column, no contract script)', details: left.slice(0, 8) };
    if (left.every((d) => /^view\.removed views\.\S+: .*_r\d+/.test(d))) {
      return { outcome: "forward leaves a view under a renamed table's old name (compatibility view)", details: left.slice(0, 8) };
    }
    if (left.every((d) => d.startsWith('index.added '))) return { outcome: 'forward misses an added index', details: left.slice(0, 8) };
    const catalogOnly = left.every((d) => d.startsWith('catalog:'));
    return {
      outcome: catalogOnly ? 'forward misses what only the catalog shows (model blind spot)' : 'forward does not reach the after schema',
      details: left.slice(0, 8),
    };
  }
  return { outcome: 'passed', details: [] };
}
