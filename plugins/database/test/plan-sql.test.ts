import { createPlan, createRunbook, type MigrationPlan, MigrationSpecSchema, type RollbackRunbook, validateDocument } from '@migration-architect/core';
import { afterAll, describe, inject, it } from 'vitest';
import { catalogFingerprint } from '../src/verify/catalog-fingerprint.js';
import type { ScratchDatabase } from '../src/verify/scratch-database.js';
import { clock, registry } from './fixtures.js';
import { type PlanSqlCase, planSqlCases } from './plan-sql/plan-sql-cases.js';
import { PostgresServer, type PostgresSession } from './postgres-server.js';

/**
 * Every SQL step a database plan or runbook ships is run on PostgreSQL, statement by statement:
 * the plan's steps in order (each validation after its step) must turn the "before" schema into the
 * "after" one, and the runbook's steps must bring it back. Both directions are compared with
 * PostgreSQL's own printout of the catalog, so a step that does nothing fails.
 */
const server = new PostgresServer(inject('postgresUrl'));
afterAll(() => server.close());

/**
 * Statements that cannot run on a plain test server, with the reason; each must fail for that
 * reason and no other. pg_stat_statements needs shared_preload_libraries and a restart.
 */
const NEEDS_SERVER_SETUP: { pattern: RegExp; reason: RegExp }[] = [{ pattern: /\bpg_stat_statements\b/, reason: /pg_stat_statements/ }];

interface SqlStep {
  id: string;
  script: string;
  validation?: string | null;
}

const planSteps = (plan: MigrationPlan): SqlStep[] =>
  plan.phases.flatMap((phase) =>
    (phase.steps ?? []).filter((s) => s.script_type === 'sql' && s.script).map((s) => ({ id: s.id, script: s.script!, validation: s.validation })),
  );

const runbookSteps = (runbook: RollbackRunbook): SqlStep[] =>
  runbook.rollback_phases.flatMap((phase) => phase.steps.filter((s) => s.script_type === 'sql').map((s) => ({ id: s.step_id, script: s.script_content })));

function fill(sql: string, values: Record<string, string>): string {
  return Object.entries(values).reduce((text, [placeholder, value]) => text.split(placeholder).join(value), sql);
}

const scratch = (db: PostgresSession): ScratchDatabase => ({
  run: async (sql) => void (await db.run(sql)),
  query: async <Row extends Record<string, unknown>>(sql: string) => (await db.run(sql)) as Row[],
  close: () => db.close(),
});

/** The catalog, without the migration's own tracking schema (the runbook drops it at the end). */
async function catalog(db: PostgresSession): Promise<string[]> {
  return (await catalogFingerprint(scratch(db))).filter((line) => !line.includes('migration_meta'));
}

async function catalogOf(name: string, sql: string): Promise<string[]> {
  return server.withScratchDatabase(name, async (db) => {
    await db.run(sql);
    return catalog(db);
  });
}

/** Runs each step and its validation; returns the statements that failed, as `step: error`. */
async function runSteps(db: PostgresSession, steps: SqlStep[], values: Record<string, string>): Promise<string[]> {
  const failures: string[] = [];
  for (const step of steps) {
    for (const sql of [step.script, step.validation ?? '']) {
      const text = fill(sql, values);
      if (!text.trim()) continue;
      const leftover = /\{[a-z_]+\}/.exec(text.replace(/--[^\n]*/g, ''));
      if (leftover) {
        failures.push(`${step.id}: placeholder ${leftover[0]} has no test value`);
        continue;
      }
      try {
        await db.run(text);
      } catch (error) {
        const message = (error as Error).message;
        const known = NEEDS_SERVER_SETUP.find((n) => n.pattern.test(text));
        if (known?.reason.test(message)) continue;
        failures.push(`${step.id}: ${message.split('\n')[0]}`);
        await db.run('ROLLBACK').catch(() => {});
      }
    }
  }
  return failures;
}

function documents(testCase: PlanSqlCase) {
  const spec = validateDocument(MigrationSpecSchema, testCase.spec, `${testCase.name}`, 'a migration spec');
  const plan = createPlan(registry, spec, { clock });
  return { plan, runbook: createRunbook(registry, plan, { clock }) };
}

/** Plan forward, then runbook back, on a copy of the before schema; the catalogs at each end. */
async function replay(name: string, testCase: PlanSqlCase, plan: SqlStep[], runbook: SqlStep[]) {
  return server.withScratchDatabase(name, async (db) => {
    await db.run(testCase.before);
    const forward = await runSteps(db, plan, testCase.fill);
    const migrated = await catalog(db);
    const backward = await runSteps(db, runbook, testCase.fill);
    return { forward, migrated, backward, rolledBack: await catalog(db) };
  });
}

const differences = (actual: string[], expected: string[]) => [
  ...actual.filter((l) => !expected.includes(l)).map((l) => `only after the steps: ${l}`),
  ...expected.filter((l) => !actual.includes(l)).map((l) => `missing: ${l}`),
];

describe.concurrent('plan and runbook SQL run on PostgreSQL', { timeout: 120_000 }, () => {
  for (const [n, testCase] of planSqlCases.entries()) {
    it(`${testCase.name}: the plan reaches the after schema, the runbook returns to the before schema`, async ({ expect }) => {
      const { plan, runbook } = documents(testCase);
      const steps = planSteps(plan);
      expect(steps.length).toBeGreaterThan(0);
      const [before, after] = await Promise.all([catalogOf(`ma_plan_sql_before_${n}`, testCase.before), catalogOf(`ma_plan_sql_after_${n}`, testCase.after)]);
      const result = await replay(`ma_plan_sql_${n}`, testCase, steps, runbookSteps(runbook));
      expect({
        forward: result.forward,
        migrated: differences(result.migrated, after),
        backward: result.backward,
        rolledBack: differences(result.rolledBack, before),
      }).toEqual({ forward: [], migrated: [], backward: [], rolledBack: [] });
    });
  }

  it('a plan whose steps do nothing fails the comparison (the test has teeth)', async ({ expect }) => {
    const testCase = planSqlCases.find((c) => c.name.startsWith('billing'))!;
    const { plan } = documents(testCase);
    const noop = planSteps(plan).map((s) => ({ ...s, script: 'SELECT 1' }));
    const after = await catalogOf('ma_plan_sql_noop_after', testCase.after);
    const result = await replay('ma_plan_sql_noop', testCase, noop, []);
    expect(differences(result.migrated, after).length).toBeGreaterThan(0);
  });
});
