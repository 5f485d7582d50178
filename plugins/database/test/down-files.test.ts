import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCompatibility } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { corpusDir } from '../../../tooling/corpora/corpora-root.js';
import { diffDatabaseSchemas } from '../src/schema/diff.js';
import type { DatabaseSchema } from '../src/schema/model.js';
import { readScratchSchema } from '../src/verify/replay.js';
import { rollbackFromAfter } from '../src/verify/rollback-from-after.js';
import type { ScratchDatabase, ScratchEngine } from '../src/verify/scratch-database.js';
import { createServerEngine } from '../src/verify/server-engine.js';
import { clock, registry } from './fixtures.js';

/**
 * Our rollbacks against projects' own hand-written down files (the `migration-histories` corpus:
 * <project>/<migration>/up.sql and down.sql, as diesel lays them out). The history is applied up
 * by up; for each of the last DOWN_FILE_MIGRATIONS migrations (default 4; the closing note's
 * figures come from a longer run), both sides are dumped, `check` compares the dumps, and on the
 * after schema loaded as the project's migration left it our rollbacks run alone. The project's
 * down file runs on the same state. Counted: ours back to the before schema, theirs back, and
 * ours and theirs leaving the same schema.
 */
const root = corpusDir('migration-histories');
const url = inject('postgresUrl');
const LAST = Number(process.env['DOWN_FILE_MIGRATIONS'] ?? 4);

const projects = !root
  ? []
  : readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => ({
        name: d.name,
        migrations: readdirSync(join(root!, d.name), { withFileTypes: true })
          .filter((m) => m.isDirectory() && existsSync(join(root!, d.name, m.name, 'up.sql')) && existsSync(join(root!, d.name, m.name, 'down.sql')))
          .map((m) => m.name)
          .sort(),
      }))
      .filter((p) => p.migrations.length > 0);

const diff = (a: DatabaseSchema, b: DatabaseSchema) => diffDatabaseSchemas(a, b).map((c) => `${c.kind} ${c.path}`);

describe.skipIf(!root)('rollbacks against the projects’ own down files', () => {
  let engine: ScratchEngine;
  beforeAll(async () => {
    engine = await createServerEngine(url);
  });
  afterAll(async () => {
    await engine.close();
  });

  async function dump(database: ScratchDatabase): Promise<string> {
    const [row] = await database.query<{ name: string }>('SELECT current_database() AS name');
    const parsed = new URL(url);
    parsed.pathname = `/${row!.name}`;
    return execFileSync('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', parsed.toString()], { encoding: 'utf8', maxBuffer: 1 << 28 });
  }

  /** How many migrations load on this server in a row (a history may need a newer PostgreSQL from some point on). */
  async function loadable(name: string, migrations: string[]): Promise<{ count: number; stop: string | null }> {
    const database = await engine.create();
    try {
      for (const [i, migration] of migrations.entries()) {
        try {
          await database.run(readFileSync(join(root!, name, migration, 'up.sql'), 'utf8'));
        } catch (error) {
          return { count: i, stop: `${migration}: ${error instanceof Error ? error.message : String(error)}` };
        }
      }
      return { count: migrations.length, stop: null };
    } finally {
      await database.close();
    }
  }

  it.each(projects)('$name', { timeout: 3_600_000 }, async ({ name, migrations: all }) => {
    const { count, stop } = await loadable(name, all);
    if (stop) console.log(`${name}: the history stops loading at ${stop.slice(0, 200)}; measured before it`);
    const migrations = all.slice(0, count);
    const history = await engine.create();
    const figures = { migrations: 0, checkFailed: 0, oursExact: 0, theirsExact: 0, same: 0 };
    const misses: string[] = [];
    try {
      const start = Math.max(0, migrations.length - LAST);
      for (const [i, migration] of migrations.entries()) {
        const up = readFileSync(join(root!, name, migration, 'up.sql'), 'utf8');
        if (i < start) {
          await history.run(up);
          continue;
        }
        const beforeSql = await dump(history);
        const before = await readScratchSchema(history);
        await history.run(up);
        const afterSql = await dump(history);
        figures.migrations++;

        // Theirs: the down file on the state the up file left, undone again so the history goes on.
        let theirs: DatabaseSchema | null = null;
        await history.run('BEGIN');
        try {
          await history.run(readFileSync(join(root!, name, migration, 'down.sql'), 'utf8'));
          theirs = await readScratchSchema(history);
        } catch {
          theirs = null;
        } finally {
          await history.run('ROLLBACK');
        }
        if (theirs && diff(theirs, before).length === 0 && diff(before, theirs).length === 0) figures.theirsExact++;

        let report: Awaited<ReturnType<typeof checkCompatibility>>;
        try {
          report = await checkCompatibility(registry, {
            type: 'database',
            before: { name: 'before.sql', document: beforeSql },
            after: { name: 'after.sql', document: afterSql },
            clock,
          });
        } catch (error) {
          figures.checkFailed++;
          misses.push(`${migration}: check failed: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        const ours = await rollbackFromAfter({
          report,
          before: { name: 'before.sql', sql: [beforeSql] },
          after: { name: 'after.sql', sql: [afterSql] },
          engine,
        });
        if (ours.passed) figures.oursExact++;
        else {
          const failed = ours.steps.find((s) => s.rollback.status !== 'passed');
          misses.push(
            `${migration}: ${ours.error ?? (failed ? `${failed.description}: ${failed.rollback.error ?? failed.rollback.status}` : ours.differences.slice(0, 3).join('; '))}`,
          );
        }
        if (ours.schema && theirs && diff(ours.schema, theirs).length === 0 && diff(theirs, ours.schema).length === 0) figures.same++;
      }
    } finally {
      await history.close();
    }
    console.log(
      `${name}: ${figures.migrations} migrations with down files; our rollback exact from the after schema in ${figures.oursExact}, the project's down file in ${figures.theirsExact}, the same schema as the down file in ${figures.same}; check failed on ${figures.checkFailed}`,
    );
    for (const miss of misses) console.log(`  not exact: ${miss.slice(0, 400)}`);
    // Every migration the history holds was measured; the figures are reported, the misses listed.
    expect(figures.migrations).toBe(Math.min(LAST, migrations.length));
  });
});
