import { checkCompatibility, type RenameHint, renderReportMarkdown, renderReportSarif, renderReportText } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { replayScripts } from '../src/verify/replay.js';
import { rollbackFromAfter } from '../src/verify/rollback-from-after.js';
import type { ScratchEngine } from '../src/verify/scratch-database.js';
import { createServerEngine } from '../src/verify/server-engine.js';
import { clock, registry } from './fixtures.js';

/**
 * Rollbacks from any state, and contract steps, proven on PostgreSQL in both routes:
 * - our route: every script (contract steps included) runs forward and must reach the after
 *   schema exactly, then every rollback runs in reverse and must reach the before schema;
 * - the project's route: the after schema is loaded as its own migration would leave it (no table
 *   renamed aside, no `<column>_old`, no backup of a dropped column), and our rollbacks alone must
 *   bring the before schema back.
 */
let engine: ScratchEngine;
beforeAll(async () => {
  engine = await createServerEngine(inject('postgresUrl'));
});
afterAll(async () => {
  await engine.close();
});

interface Case {
  name: string;
  before: string;
  after: string;
  renames?: RenameHint[];
  /** Descriptions of the contract steps the report must carry, marked for a later release. */
  contract: string[];
  /** Only the project's route: our forward script is expand-only and needs input (a conversion only the user knows). */
  route?: 'theirs';
}

const cases: Case[] = [
  {
    name: 'a rewriting type change through a new column (keeps qty_old until the contract step)',
    before: `CREATE TABLE t (id int PRIMARY KEY, qty integer NOT NULL DEFAULT 0, note text);
CREATE INDEX t_qty_idx ON t (qty);
INSERT INTO t VALUES (1, 5, 'a'), (2, 7, null);`,
    after: `CREATE TABLE t (id int PRIMARY KEY, qty bigint NOT NULL DEFAULT 0, note text);
CREATE INDEX t_qty_idx ON t (qty);
INSERT INTO t VALUES (1, 5, 'a'), (2, 7, null);`,
    contract: ['Contract: drop column qty_old from table t'],
  },
  {
    name: 'a table removed (renamed aside until the contract step)',
    before: `CREATE TABLE keep (id int PRIMARY KEY);
CREATE TABLE gone (id serial PRIMARY KEY, code text NOT NULL UNIQUE, made timestamptz DEFAULT now());
CREATE INDEX gone_made_idx ON gone (made);
COMMENT ON TABLE gone IS 'retired in this release';
INSERT INTO gone (code) VALUES ('x'), ('y');`,
    after: 'CREATE TABLE keep (id int PRIMARY KEY);',
    contract: ['Contract: drop table gone kept aside'],
  },
  {
    name: 'columns removed (values copied aside until the contract step; one NOT NULL with a default)',
    before: `CREATE TABLE t (id int PRIMARY KEY, note text, flag boolean NOT NULL DEFAULT false);
COMMENT ON COLUMN t.note IS 'free text';
INSERT INTO t VALUES (1, 'a', true), (2, null, false);`,
    after: `CREATE TABLE t (id int PRIMARY KEY);
INSERT INTO t VALUES (1), (2);`,
    contract: ['Contract: drop the kept values of t.note', 'Contract: drop the kept values of t.flag'],
  },
  {
    name: 'a serial column removed (it comes back serial, its sequence after the restored values)',
    before: `CREATE TABLE t (k text PRIMARY KEY, n serial);
INSERT INTO t (k) VALUES ('a'), ('b');`,
    after: `CREATE TABLE t (k text PRIMARY KEY);
INSERT INTO t VALUES ('a'), ('b');`,
    contract: ['Contract: drop the kept values of t.n'],
  },
  {
    name: 'a column removed from a table without a primary key (values kept by row position until the contract step)',
    before: `CREATE TABLE log (at timestamptz, line text);
INSERT INTO log VALUES (now(), 'a'), (now(), 'b');`,
    after: 'CREATE TABLE log (at timestamptz);',
    contract: ['Contract: drop the kept values of log.line'],
  },
  {
    name: 'a table renamed (a compatibility view with the old name until the contract step)',
    before: 'CREATE TABLE people (id int PRIMARY KEY, name text);',
    // As ALTER TABLE … RENAME leaves it: the key keeps its name.
    after: 'CREATE TABLE persons (id int CONSTRAINT people_pkey PRIMARY KEY, name text);',
    renames: [{ from: 'people', to: 'persons' }],
    contract: ['Contract: drop the compatibility view people'],
  },
  {
    name: 'an incompatible type change the project made in place (our rollback converts back)',
    before: 'CREATE TABLE t (id int PRIMARY KEY, code integer, tag uuid);',
    after: 'CREATE TABLE t (id int PRIMARY KEY, code boolean, tag bigint);',
    contract: [
      'Contract: switch column code of table t to code_new and drop the old values',
      'Contract: switch column tag of table t to tag_new and drop the old values',
    ],
    route: 'theirs',
  },
  {
    name: 'an enum value added (rolled back by swapping the type)',
    before: `CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE t (id int PRIMARY KEY, m mood DEFAULT 'ok');`,
    after: `CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE t (id int PRIMARY KEY, m mood DEFAULT 'ok');`,
    contract: [],
  },
  {
    // river's 004: the type swap drops the CHECK and puts it back as it stands when the rollback runs (the CHECK's own rollback ran first).
    name: 'an enum value added while a CHECK on the column is rewritten (the swap restores the CHECK as it stands)',
    before: `CREATE TYPE job_state AS ENUM ('available', 'completed', 'discarded');
CREATE TABLE job (id int PRIMARY KEY, state job_state NOT NULL DEFAULT 'available', finalized_at timestamptz,
  CONSTRAINT finalized_or_null CHECK ((state IN ('completed', 'discarded') AND finalized_at IS NOT NULL) OR finalized_at IS NULL));
INSERT INTO job VALUES (1, 'available', null), (2, 'completed', now());`,
    after: `CREATE TYPE job_state AS ENUM ('available', 'pending', 'completed', 'discarded');
CREATE TABLE job (id int PRIMARY KEY, state job_state NOT NULL DEFAULT 'available', finalized_at timestamptz,
  CONSTRAINT finalized_or_null CHECK ((finalized_at IS NULL AND state NOT IN ('completed', 'discarded')) OR (finalized_at IS NOT NULL AND state IN ('completed', 'discarded'))));
INSERT INTO job VALUES (1, 'available', null), (2, 'completed', now());`,
    contract: [],
  },
  {
    // kestra's 1.26: a stored generated column of the type, computed by a function that returns it, with an index over it.
    name: 'an enum value added while a generated column of the type is computed by a function returning it (dropped and added again around the swap)',
    before: `CREATE TYPE state_type AS ENUM ('CREATED', 'RUNNING', 'SUCCESS');
CREATE FUNCTION state_fromtext(text) RETURNS state_type LANGUAGE sql IMMUTABLE AS 'SELECT CAST($1 AS state_type)';
CREATE TABLE executions (key text PRIMARY KEY, value jsonb NOT NULL,
  state_current state_type NOT NULL GENERATED ALWAYS AS (state_fromtext(value #>> '{state, current}')) STORED,
  done boolean GENERATED ALWAYS AS (state_fromtext(value #>> '{state, current}') = 'SUCCESS') STORED);
CREATE INDEX executions_state_current ON executions (state_current);
INSERT INTO executions (key, value) VALUES ('a', '{"state": {"current": "RUNNING"}}');`,
    after: `CREATE TYPE state_type AS ENUM ('CREATED', 'RUNNING', 'SUCCESS', 'SKIPPED');
CREATE FUNCTION state_fromtext(text) RETURNS state_type LANGUAGE sql IMMUTABLE AS 'SELECT CAST($1 AS state_type)';
CREATE TABLE executions (key text PRIMARY KEY, value jsonb NOT NULL,
  state_current state_type NOT NULL GENERATED ALWAYS AS (state_fromtext(value #>> '{state, current}')) STORED,
  done boolean GENERATED ALWAYS AS (state_fromtext(value #>> '{state, current}') = 'SUCCESS') STORED);
CREATE INDEX executions_state_current ON executions (state_current);
INSERT INTO executions (key, value) VALUES ('a', '{"state": {"current": "RUNNING"}}');`,
    contract: [],
  },
  {
    // kestra's 1.22 (`ALTER TYPE … RENAME VALUE` in a DO block): renamed forward and back, rows follow, no type swap.
    name: 'an enum label renamed in place, next to one added (renamed both ways; only the added one is swapped out)',
    before: `CREATE TYPE queue_type AS ENUM ('core.Execution', 'core.Flow', 'core.Template');
CREATE TABLE queues (id int PRIMARY KEY, type queue_type NOT NULL);
INSERT INTO queues VALUES (1, 'core.Flow'), (2, 'core.Template');`,
    after: `CREATE TYPE queue_type AS ENUM ('core.Execution', 'core.FlowWithSource', 'core.Template', 'core.Trigger');
CREATE TABLE queues (id int PRIMARY KEY, type queue_type NOT NULL);
INSERT INTO queues VALUES (1, 'core.FlowWithSource'), (2, 'core.Template');`,
    contract: [],
  },
  {
    // river's 007: each table's contract step may run first, so the one a kept-aside table references drops that foreign key itself.
    name: 'two tables removed, one referencing the other (both kept aside; either contract step runs first)',
    before: `CREATE TABLE keep (id int PRIMARY KEY);
CREATE TABLE client (id text PRIMARY KEY, paused_at timestamptz);
CREATE TABLE client_queue (client_id text NOT NULL REFERENCES client (id) ON DELETE CASCADE, name text NOT NULL, PRIMARY KEY (client_id, name));
INSERT INTO client VALUES ('a', null); INSERT INTO client_queue VALUES ('a', 'default');`,
    after: 'CREATE TABLE keep (id int PRIMARY KEY);',
    contract: ['Contract: drop table client kept aside', 'Contract: drop table client_queue kept aside'],
  },
];

describe('rollbacks from any state, and contract steps', { timeout: 120_000 }, () => {
  it.each(cases)('$name', async ({ before, after, renames, contract, route }) => {
    const report = await checkCompatibility(registry, {
      type: 'database',
      before: { name: 'before.sql', document: before },
      after: { name: 'after.sql', document: after },
      clock,
      renames: renames ?? [],
    });
    const later = report.migration_scripts.filter((s) => s.release === 'later');
    expect(later.map((s) => s.description)).toEqual(contract);
    // Each contract step is named by the finding it finishes, and comes after that finding's own script.
    for (const issue of report.issues.filter((i) => i.contract_script_index != null)) {
      expect(report.migration_scripts[issue.contract_script_index!]!.release).toBe('later');
      expect(issue.contract_script_index!).toBeGreaterThan(issue.migration_script_index!);
    }
    expect(report.issues.filter((i) => i.contract_script_index != null)).toHaveLength(contract.length);

    const sides = { before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] } };
    if (route !== 'theirs') {
      const ours = await replayScripts({ report, ...sides, engine });
      const failures = ours.scripts.filter((s) => s.migration.status !== 'passed' || s.rollback.status !== 'passed');
      expect(failures).toEqual([]);
      // Contract steps included, the after schema is reached exactly: nothing is left aside.
      expect(ours.after_migration.differences).toEqual([]);
      expect(ours.after_rollback.differences).toEqual([]);
      expect(ours.passed).toBe(true);
    }

    const theirs = await rollbackFromAfter({ report, ...sides, engine });
    expect(theirs.steps.filter((s) => s.rollback.status !== 'passed')).toEqual([]);
    expect(theirs.differences).toEqual([]);
    expect(theirs.passed).toBe(true);
  });

  it('every report format marks the contract step for a later release', async () => {
    const report = await checkCompatibility(registry, {
      type: 'database',
      before: { name: 'before.sql', document: 'CREATE TABLE t (id int PRIMARY KEY, note text);' },
      after: { name: 'after.sql', document: 'CREATE TABLE t (id int PRIMARY KEY);' },
      clock,
    });
    expect(report.issues[0]).toMatchObject({ migration_script_index: 0, contract_script_index: 1 });
    expect(renderReportText(report)).toContain('  Contract step, for a later release: #2 below');
    expect(renderReportText(report)).toContain('2. Contract: drop the kept values of t.note\n   Type: sql\n   Release: LATER');
    expect(renderReportMarkdown(report)).toContain('**Contract: drop the kept values of t.note**\n\n_Contract step: run in a later release');
    const sarif = JSON.parse(renderReportSarif(report, { rules: [], toolVersion: '0' }));
    expect(sarif.runs[0].results[0].properties).toMatchObject({
      contractRelease: 'later',
      contractMigration: expect.stringContaining('DROP TABLE IF EXISTS t_note_backup;'),
    });
  });

  it('a rollback without our backup says what cannot come back', async () => {
    const report = await checkCompatibility(registry, {
      type: 'database',
      before: { name: 'before.sql', document: 'CREATE TABLE t (id int PRIMARY KEY, note text);' },
      after: { name: 'after.sql', document: 'CREATE TABLE t (id int PRIMARY KEY);' },
      clock,
    });
    const rollback = report.migration_scripts.find((s) => s.description === 'Drop column note from table t')!.rollback_script;
    expect(rollback).toContain("IF to_regclass('t_note_backup') IS NOT NULL THEN");
    expect(rollback).toMatch(/RAISE NOTICE 't\.note: no t_note_backup table .*cannot come back/);
  });
});
