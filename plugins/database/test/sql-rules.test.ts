import { afterAll, describe, inject, it } from 'vitest';
import { modelRuleCases } from '../src/rules/examples/model-rule-examples.js';
import { databaseRules } from '../src/index.js';
import { EXPECTED_DATABASE_RULE_LEVELS, reviewedLevel } from './expected-rule-levels.js';
import { baseSchema, check } from './fixtures.js';
import { ruleCases } from './rule-cases.js';
import { PostgresServer } from './postgres-server.js';
import { checkSql } from './sql-fixtures.js';
import { checkCompatibility } from '@migration-architect/core';
import { statementRuleExamples } from '../src/rules/statement-rules.js';
import { registry } from './fixtures.js';

const server = new PostgresServer(inject('postgresUrl'));
afterAll(() => server.close());

/** The DDL the plugin itself writes for a seed-format schema: what a hand-written file would hold. */
function ddlOf(document: unknown): string {
  return check({}, document)
    .migration_scripts.map((s) => s.script_content)
    .join('\n');
}

const BASE_SQL = ddlOf(baseSchema());
const EXTRAS = `
CREATE SCHEMA billing;
CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
CREATE SEQUENCE invoice_number_seq;
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit_row();
`;
const BASE = `${BASE_SQL}\n${EXTRAS}`;
const DOMAIN = "CREATE DOMAIN email_address AS text CONSTRAINT email_address_at CHECK (VALUE LIKE '%@%');";
const WITH_DOMAIN = `${BASE}\n${DOMAIN}`;
const EXCLUSION = 'ALTER TABLE users ADD CONSTRAINT users_name_excl EXCLUDE USING btree (name WITH =);';

/** SQL before/after pairs for the rules the seed format cannot express. */
const sqlCases: Record<string, { before: string; after: string }> = {
  'schema-removed': { before: BASE, after: BASE.replace('CREATE SCHEMA billing;', '') },
  'schema-added': { before: BASE, after: `${BASE}\nCREATE SCHEMA archive;` },
  'table-renamed': { before: BASE, after: `${BASE}\nALTER TABLE orders RENAME TO purchases;` },
  'column-renamed': { before: BASE, after: `${BASE}\nALTER TABLE users RENAME COLUMN bio TO about;` },
  'table-possibly-renamed': { before: `${BASE}\nCREATE TABLE archive_a (id int, note text);`, after: `${BASE}\nCREATE TABLE archive_b (id int, note text);` },
  'column-possibly-renamed': { before: `${BASE}\nCREATE TABLE notes (id int, body text);`, after: `${BASE}\nCREATE TABLE notes (id int, content text);` },
  'enum-removed': { before: BASE, after: BASE.replace("CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');", '') },
  'enum-added': { before: BASE, after: `${BASE}\nCREATE TYPE tier AS ENUM ('free', 'pro');` },
  'enum-value-removed': { before: BASE, after: BASE.replace("'happy', 'ok', 'sad'", "'happy', 'sad'") },
  'enum-values-reordered': { before: BASE, after: BASE.replace("'happy', 'ok', 'sad'", "'sad', 'ok', 'happy'") },
  'enum-value-added': { before: BASE, after: `${BASE}\nALTER TYPE mood ADD VALUE 'meh' BEFORE 'sad';` },
  'sequence-removed': { before: BASE, after: BASE.replace('CREATE SEQUENCE invoice_number_seq;', '') },
  'sequence-added': { before: BASE, after: `${BASE}\nCREATE SEQUENCE ticket_seq AS integer;` },
  'trigger-removed': { before: BASE, after: BASE.replace(/CREATE TRIGGER users_audit[^\n]*\n/, '') },
  'trigger-added': { before: BASE, after: `${BASE}\nCREATE TRIGGER users_touch BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit_row();` },
  'trigger-changed': { before: BASE, after: BASE.replace('AFTER UPDATE ON users', 'AFTER INSERT OR UPDATE ON users') },
  'partition-membership-changed': {
    before: `${BASE}\nCREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`,
    after: `${BASE}\nCREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2025 (id bigint, at date);`,
  },
  'relation-comment-changed': { before: BASE, after: `${BASE}\nCOMMENT ON TABLE users IS 'People who sign in';` },
  'domain-added': { before: BASE, after: WITH_DOMAIN },
  'domain-removed': { before: WITH_DOMAIN, after: BASE },
  'domain-type-changed': { before: WITH_DOMAIN, after: WITH_DOMAIN.replace('AS text', 'AS varchar(320)') },
  'domain-default-changed': { before: WITH_DOMAIN, after: `${WITH_DOMAIN}\nALTER DOMAIN email_address SET DEFAULT 'nobody@example.com';` },
  'domain-not-null-added': { before: WITH_DOMAIN, after: `${WITH_DOMAIN}\nALTER DOMAIN email_address SET NOT NULL;` },
  'domain-not-null-dropped': { before: `${WITH_DOMAIN}\nALTER DOMAIN email_address SET NOT NULL;`, after: WITH_DOMAIN },
  'domain-check-added': {
    before: WITH_DOMAIN,
    after: `${WITH_DOMAIN}\nALTER DOMAIN email_address ADD CONSTRAINT email_address_length CHECK (length(VALUE) <= 320) NOT VALID;`,
  },
  'domain-check-removed': { before: WITH_DOMAIN, after: `${WITH_DOMAIN}\nALTER DOMAIN email_address DROP CONSTRAINT email_address_at;` },
  'domain-check-validated': {
    before: `${BASE}\nCREATE DOMAIN email_address AS text;\nALTER DOMAIN email_address ADD CONSTRAINT email_address_at CHECK (VALUE LIKE '%@%') NOT VALID;`,
    after: `${BASE}\nCREATE DOMAIN email_address AS text;\nALTER DOMAIN email_address ADD CONSTRAINT email_address_at CHECK (VALUE LIKE '%@%');`,
  },
  'exclusion-added': { before: BASE, after: `${BASE}\n${EXCLUSION}` },
  'exclusion-removed': { before: `${BASE}\n${EXCLUSION}`, after: BASE },
  'extension-added': { before: BASE, after: `CREATE EXTENSION IF NOT EXISTS pg_trgm;\n${BASE}` },
  'extension-removed': { before: `CREATE EXTENSION IF NOT EXISTS pg_trgm;\n${BASE}`, after: BASE },
  'extension-changed': {
    before: `CREATE EXTENSION IF NOT EXISTS pg_trgm VERSION '1.5';\n${BASE}`,
    after: `CREATE EXTENSION IF NOT EXISTS pg_trgm VERSION '1.6';\n${BASE}`,
  },
};

/** Seed-format cases whose DDL PostgreSQL rejects as written: a varchar column under a numeric CHECK. */
const sqlOverrides: Record<string, { before: string; after: string }> = {
  'incompatible-type-change': {
    before: BASE_SQL,
    after: BASE_SQL.replace('age integer', 'age varchar')
      .replace('CHECK (age >= 0)', 'CHECK (age::integer >= 0)')
      .replace('age > older_than', 'age::integer > older_than'),
  },
};

/** Every rule's SQL pair: the seed-format cases written out as DDL, and the SQL-only cases above. */
function sqlCaseOf(ruleId: string): { before: string; after: string } | undefined {
  const jsonCase = ruleCases[ruleId];
  if (!jsonCase) return sqlCases[ruleId];
  if (sqlOverrides[ruleId]) return sqlOverrides[ruleId];
  const before = baseSchema();
  const after = baseSchema();
  jsonCase.before?.(before);
  jsonCase.after(after);
  return { before: ddlOf(before), after: ddlOf(after) };
}

const RESET = 'DROP SCHEMA public CASCADE; DROP SCHEMA IF EXISTS billing CASCADE; DROP SCHEMA IF EXISTS archive CASCADE; CREATE SCHEMA public;';

// Concurrent: each test has its own database, and while PostgreSQL runs one test's SQL, another's is parsed and checked.
describe.concurrent('every rule, from SQL files', { timeout: 60_000 }, () => {
  it('has an SQL case for every rule', ({ expect }) => {
    expect(Object.keys(sqlCases).sort()).toEqual(Object.keys(modelRuleCases).sort());
    for (const rule of databaseRules) expect(sqlCaseOf(rule.id) ?? statementRuleExamples[rule.id], rule.id).toBeDefined();
  });

  // Rules about migration statements: the before schema, then the migration file applied to it.
  for (const rule of databaseRules.filter((r) => statementRuleExamples[r.id])) {
    it(`${rule.code} ${rule.id} (migration file)`, async ({ expect }) => {
      const { before, after: migration } = statementRuleExamples[rule.id]!;
      const report = await checkCompatibility(registry, {
        type: 'database',
        before: { name: 'schema.sql', document: before },
        migration: { name: 'migration.sql', document: migration },
      });
      const issue = report.issues.find((i) => i.rule === `database/${rule.id}`);
      expect(issue?.code).toBe(reviewedLevel(EXPECTED_DATABASE_RULE_LEVELS, rule.id).code);
      expect(issue?.severity).toBe(reviewedLevel(EXPECTED_DATABASE_RULE_LEVELS, rule.id).severity);
      expect(issue?.location).toMatchObject({ file: 'migration.sql', line: expect.any(Number) });
      // Both run on PostgreSQL, the migration after the schema (CONCURRENTLY in BEGIN fails there, as the rule says).
      await server.withScratchDatabase(`ma_sql_${rule.id.replace(/-/g, '_')}`, async (db) => {
        await db.run(before);
        if (rule.id === 'concurrently-in-transaction') await expect(db.run(migration)).rejects.toThrow(/cannot run inside a transaction block/);
        else await db.run(migration);
      });
    });
  }

  for (const rule of databaseRules.filter((r) => !statementRuleExamples[r.id])) {
    it(`${rule.code} ${rule.id}`, async ({ expect }) => {
      const { before, after } = sqlCaseOf(rule.id)!;
      const report = await checkSql(before, after);
      expect(report.issues.map((i) => i.rule)).toContain(`database/${rule.id}`);
      const issue = report.issues.find((i) => i.rule === `database/${rule.id}`)!;
      expect(issue.code).toBe(reviewedLevel(EXPECTED_DATABASE_RULE_LEVELS, rule.id).code);
      expect(issue.severity).toBe(reviewedLevel(EXPECTED_DATABASE_RULE_LEVELS, rule.id).severity);
      expect(issue.location?.line).toBeGreaterThan(0);
      // The fixtures are PostgreSQL's SQL, not just the parser's: both sides run.
      await server.withScratchDatabase(`ma_sql_${rule.id.replace(/-/g, '_')}`, async (db) => {
        await db.run(before);
        await db.run(RESET);
        await db.run(after);
      });
    });
  }
});
