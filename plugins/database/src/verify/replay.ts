import type { CompatibilityReport, MigrationScript, Verification } from '@migration-architect/core';
import { diffDatabaseSchemas } from '../schema/diff.js';
import type { DatabaseSchema } from '../schema/model.js';
import { readCatalogSchema } from '../sources/live/postgres-live-source.js';
import { fillCanonicalDefinitions } from '../sources/postgresql-sql/canonical-definitions.js';
import { catalogFingerprint, fingerprintDifferences } from './catalog-fingerprint.js';
import { errorLine, type ScratchDatabase, type ScratchEngine } from './scratch-database.js';
import { runStatements } from './run-statements.js';
import { orderScripts } from './script-order.js';
import { placeholdersIn, splitStatements } from './sql-statements.js';

export type Step = Verification['scripts'][number]['migration'];

/** What the verifier needs of each side: SQL that builds it in an empty database. */
export interface ReplaySide {
  /** A name for messages: the input's. */
  name: string;
  /** Statements or whole files of SQL, run in order. */
  sql: string[];
}

export interface ReplayRequest {
  report: CompatibilityReport;
  before: ReplaySide;
  after: ReplaySide;
  engine: ScratchEngine;
  /** Added to the verification's notes (objects the model does not compare, ...). */
  notes?: string[];
  /**
   * Extensions the engine lacks: their CREATE EXTENSION, the statements that then fail and the
   * scripts that name what those created are set aside and listed in `not_verified`; the rest is
   * verified as usual.
   */
  missingExtensions?: string[];
}

/** What was set aside for lack of an extension: lines for the report, names to recognise in scripts. */
export interface SetAside {
  extensions: string[];
  lines: string[];
  names: Set<string>;
}

/** The object a CREATE statement makes, for recognising scripts that need it. */
function createdName(statement: string): string | null {
  const found =
    /^\s*create\s+(?:or\s+replace\s+)?(?:unique\s+)?(?:materialized\s+)?(?:table|index|view|function|procedure|type|domain|trigger|sequence|aggregate)\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?((?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?)/i.exec(
      statement,
    );
  return found ? found[1]!.split('.').pop()!.replace(/"/g, '') : null;
}

const mentions = (sql: string, name: string) => new RegExp(`(?<![\\w$])"?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?(?![\\w$])`, 'i').test(sql);

export async function load(database: ScratchDatabase, side: ReplaySide, aside: SetAside): Promise<string | null> {
  for (const sql of side.sql) {
    for (const statement of await splitStatements(sql)) {
      const head = statement.trim().split('\n')[0]!.slice(0, 120);
      if (aside.extensions.some((e) => new RegExp(`^\\s*create\\s+extension\\s+(if\\s+not\\s+exists\\s+)?"?${e}"?`, 'i').test(statement))) {
        aside.lines.push(`${side.name}: ${head}`);
        continue;
      }
      try {
        await database.run(statement);
      } catch (error) {
        if (aside.extensions.length === 0) return `${side.name} does not load: ${errorLine(error)} (in: ${head})`;
        // Most likely needs the missing extension: set it aside, with PostgreSQL's reason.
        aside.lines.push(`${side.name}: ${head} (${errorLine(error)})`);
        const name = createdName(statement);
        if (name) aside.names.add(name);
      }
    }
  }
  // A dump empties search_path for its session; scripts are written for the default one.
  await database.run('RESET ALL');
  return null;
}

/** The scratch database's schema as the live source reads it, in one read-only transaction. */
export async function readScratchSchema(database: ScratchDatabase): Promise<DatabaseSchema> {
  await database.run('BEGIN TRANSACTION READ ONLY');
  try {
    await database.run('SET LOCAL search_path = public');
    return await fillCanonicalDefinitions(await readCatalogSchema((sql) => database.query(sql)));
  } finally {
    await database.run('ROLLBACK');
  }
}

export function differences(actual: DatabaseSchema, expected: DatabaseSchema): string[] {
  const show = (value: unknown) => (value === null || value === undefined ? '∅' : JSON.stringify(value).slice(0, 160));
  return diffDatabaseSchemas(actual, expected).map((c) => `${c.kind} ${c.path}: ${show(c.before)} → ${show(c.after)}`);
}

/** Runs a script statement by statement, as psql does; stops at the first failure. */
export async function runScript(database: ScratchDatabase, sql: string): Promise<Step> {
  const placeholders = placeholdersIn(sql);
  if (placeholders.length) return { status: 'needs_input', placeholders };
  const run = await runStatements(database, sql, { rollbackOnFailure: true });
  if (run.status === 'unparsable') return { status: 'failed', error: `not valid SQL: ${run.error}` };
  if (run.status === 'failed') return { status: 'failed', statement: run.statement, error: run.error };
  return { status: 'passed' };
}

async function runValidation(database: ScratchDatabase, script: MigrationScript): Promise<Step> {
  if (!script.validation_query.trim()) return { status: 'skipped' };
  const placeholders = placeholdersIn(script.validation_query);
  if (placeholders.length) return { status: 'needs_input', placeholders };
  try {
    for (const statement of await splitStatements(script.validation_query)) await database.query(statement);
    return { status: 'passed' };
  } catch (error) {
    await database.run('ROLLBACK').catch(() => {});
    return { status: 'failed', error: errorLine(error) };
  }
}

/**
 * Proves a report's scripts: the before schema is built in one scratch database and the after
 * schema in another; the migration scripts run on the first in dependency order (each validation
 * query after its script), and its catalog must then read exactly as the second's; the rollback
 * scripts run in reverse order, and the catalog must read as it did before. Both comparisons are
 * catalog against catalog, read by the live source, so they test the scripts, not the SQL reader;
 * where the model sees no difference, PostgreSQL's own printout of both catalogs must agree too.
 */
export async function replayScripts(request: ReplayRequest): Promise<Verification> {
  const { report, engine } = request;
  const scripts = report.migration_scripts;
  const notes = [...(request.notes ?? [])];
  const steps = scripts.map((script, index) => ({
    index,
    description: script.description,
    migration: { status: 'skipped' } as Step,
    validation: { status: 'skipped' } as Step,
    rollback: { status: 'skipped' } as Step,
  }));
  const fail = (note: string): Verification => ({
    engine: engine.name,
    passed: false,
    scripts: steps,
    after_migration: { differences: [] },
    after_rollback: { differences: [] },
    notes: [...notes, note],
  });
  const aside: SetAside = { extensions: request.missingExtensions ?? [], lines: [], names: new Set() };
  const [work, target] = await Promise.all([engine.create(), engine.create()]);
  try {
    const [beforeError, afterError] = await Promise.all([load(work, request.before, aside), load(target, request.after, aside)]);
    if (beforeError || afterError) return fail([beforeError, afterError].filter(Boolean).join('; '));
    const original = await readScratchSchema(work);
    const expected = await readScratchSchema(target);
    const [originalCatalog, expectedCatalog] = await Promise.all([catalogFingerprint(work), catalogFingerprint(target)]);
    await target.close();

    const { order, problems } = orderScripts(scripts);
    notes.push(...problems);
    const failed = new Set<number>();
    const runForward = async (indexes: number[]): Promise<void> => {
      for (const index of indexes) {
        const script = scripts[index]!;
        const step = steps[index]!;
        const blocked = script.dependencies.find((d) => scripts.some((s, j) => failed.has(j) && s.description === d));
        if (blocked) {
          step.migration = { status: 'skipped', error: `depends on "${blocked}", which did not run` };
          failed.add(index);
          continue;
        }
        const needs = [...aside.extensions, ...aside.names].find((name) => mentions(script.script_content, name));
        if (needs) {
          step.migration = { status: 'skipped', error: `needs ${needs}, which ${engine.name} cannot create` };
          aside.lines.push(`script ${index + 1} (${script.description}): needs ${needs}`);
          failed.add(index);
          continue;
        }
        step.migration = await runScript(work, script.script_content);
        if (step.migration.status !== 'passed') {
          failed.add(index);
          continue;
        }
        step.validation = await runValidation(work, script);
      }
    };
    const rollBack = async (indexes: number[]): Promise<void> => {
      for (const index of [...indexes].reverse()) {
        if (steps[index]!.migration.status !== 'passed') continue;
        steps[index]!.rollback = await runScript(work, scripts[index]!.rollback_script);
      }
    };
    /** What still differs from a target schema; what the model does not see, PostgreSQL's own catalog still shows. */
    const leftFrom = async (schema: DatabaseSchema, catalog: typeof originalCatalog): Promise<string[]> => {
      const left = differences(await readScratchSchema(work), schema);
      if (left.length === 0) left.push(...fingerprintDifferences(await catalogFingerprint(work), catalog));
      return left;
    };

    // A release is rolled back before its contract steps run (they drop what the rollback restores
    // from), so the rollback is proven on the state this release leaves; the after schema is then
    // reached by this release again plus its contract steps.
    const current = order.filter((index) => scripts[index]!.release !== 'later');
    const later = order.filter((index) => scripts[index]!.release === 'later');
    await runForward(current);
    let migrated: string[] = later.length ? [] : await leftFrom(expected, expectedCatalog);
    await rollBack(current);
    const rolledBack = await leftFrom(original, originalCatalog);
    if (later.length) {
      // The statuses users see are the first pass's; a script that ran then but not again is a note.
      const firstPass = new Map(current.map((index) => [index, { migration: steps[index]!.migration, validation: steps[index]!.validation }]));
      failed.clear();
      await runForward(current);
      for (const [index, first] of firstPass) {
        const again = steps[index]!.migration;
        if (first.migration.status === 'passed' && again.status !== 'passed')
          notes.push(`script ${index + 1} (${scripts[index]!.description}) ran, was rolled back, and did not run again: ${again.error ?? again.status}`);
        steps[index]!.migration = first.migration;
        steps[index]!.validation = first.validation;
        if (first.migration.status !== 'passed') failed.add(index);
      }
      await runForward(later);
      migrated = await leftFrom(expected, expectedCatalog);
      // Contract rollbacks only say what cannot come back; they must still run.
      await rollBack(later);
    }

    const stepFailed = (s: Step) => s.status === 'failed' || s.status === 'needs_input';
    const passed =
      steps.every((s) => !stepFailed(s.migration) && !stepFailed(s.validation) && !stepFailed(s.rollback) && s.migration.status === 'passed') &&
      migrated.length === 0 &&
      rolledBack.length === 0;
    if (steps.some((s) => s.migration.status === 'needs_input')) {
      notes.push(
        'Some scripts need values only you know (placeholders such as {backfill_value}); they were not run, so the schema cannot reach the after state here.',
      );
    }
    const notVerified = aside.extensions.length
      ? [
          `the ${engine.name} engine has no ${aside.extensions.join(', ')} extension (verify on a server that has it with --dev-url postgres://…); set aside:`,
          ...aside.lines,
        ]
      : [];
    return {
      engine: engine.name,
      passed: passed && notVerified.length === 0,
      scripts: steps,
      after_migration: { differences: migrated },
      after_rollback: { differences: rolledBack },
      notes,
      ...(notVerified.length ? { not_verified: notVerified } : {}),
    };
  } finally {
    await work.close();
    await target.close().catch(() => {});
  }
}
