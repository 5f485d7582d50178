import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './harness.js';

/*
 * `check` applies the acceptance ledger (config `accepted:` and migration-architect.accepted.yaml)
 * through core, the same way for every checker: a database finding and an API finding accepted
 * by the same kind of entry, an expired entry failing and naming itself, an unmatched one reported.
 * SOURCE_DATE_EPOCH (the harness's) is 2026-01-01, so "today" is 2026-01-01.
 */

const API_BEFORE = `openapi: 3.1.0
info: { title: Pets, version: '1' }
paths:
  /pets/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties: { id: { type: string }, nickname: { type: string } }
`;

function project(ledger: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'before.sql'), 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE orders (id bigint PRIMARY KEY, total int);\n');
  writeFileSync(
    join(dir, 'migration.sql'),
    "SET lock_timeout = '5s';\nCREATE INDEX IF NOT EXISTS orders_total_idx ON orders (total);\nALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;\n",
  );
  writeFileSync(join(dir, 'api-before.yaml'), API_BEFORE);
  writeFileSync(join(dir, 'api-after.yaml'), API_BEFORE.replace(', nickname: { type: string }', ''));
  writeFileSync(join(dir, 'migration-architect.accepted.yaml'), ledger);
  return dir;
}

const LEDGER = `accepted:
  - rule: DB601
    location: migration.sql:2
    reason: orders holds a few hundred rows
    expires: 2026-03-31
    accepted_by: "@dba-team"
  - rule: service/response-optional-property-removed
    subject: /paths/~1pets~1{id}/get
    reason: no client reads nickname (checked in the access logs)
    expires: 2026-02-28
    accepted_by: "@api-team"
`;

interface Acceptance {
  accepted: { entry: { rule: string; written_in: string; reason: string }; issue: { rule: string; field_path: string } }[];
  expired: { rule: string; written_in: string }[];
  unmatched: { rule: string; written_in: string }[];
}

describe('check applies the acceptance ledger', () => {
  it('accepts a database finding and an API finding the same way; entries for the other checker are unmatched', async () => {
    const cwd = project(LEDGER);
    const database = await cli(['check', 'before.sql', '--migration', 'migration.sql'], { cwd });
    const dbReport = JSON.parse(database.stdout) as { issues: { rule: string }[]; acceptance: Acceptance };
    // Without the entry the plain CREATE INDEX is potentially breaking (exit 1); accepted, only additive changes remain.
    expect(database.code).toBe(0);
    expect(dbReport.issues.map((i) => i.rule)).toEqual(['database/column-added', 'database/index-added']);
    expect(dbReport.acceptance.accepted.map((a) => [a.entry.rule, a.entry.written_in, a.issue.rule, a.issue.field_path])).toEqual([
      ['DB601', 'migration-architect.accepted.yaml, entry #1', 'database/index-not-concurrent', 'statements["2"]'],
    ]);
    expect(dbReport.acceptance.unmatched.map((e) => e.written_in)).toEqual(['migration-architect.accepted.yaml, entry #2']);
    expect(database.stderr).toBe(
      'migration-architect: warning: accepted finding matched nothing: service/response-optional-property-removed /paths/~1pets~1{id}/get (migration-architect.accepted.yaml, entry #2, accepted by @api-team, until 2026-02-28): no client reads nickname (checked in the access logs)\n',
    );

    const api = await cli(['check', 'api-before.yaml', 'api-after.yaml'], { cwd });
    const apiReport = JSON.parse(api.stdout) as { issues: unknown[]; acceptance: Acceptance };
    expect(api.code).toBe(0);
    expect(apiReport.issues).toEqual([]);
    expect(apiReport.acceptance.accepted.map((a) => [a.entry.written_in, a.issue.rule])).toEqual([
      ['migration-architect.accepted.yaml, entry #2', 'service/response-optional-property-removed'],
    ]);
    expect(apiReport.acceptance.unmatched.map((e) => e.rule)).toEqual(['DB601']);
  });

  it('without the ledger the same inputs fail: the entries are what made them pass', async () => {
    const cwd = project('accepted: []\n');
    expect((await cli(['check', 'before.sql', '--migration', 'migration.sql'], { cwd })).code).toBe(1);
    expect((await cli(['check', 'api-before.yaml', 'api-after.yaml'], { cwd })).code).toBe(1);
  });

  it('an expired entry accepts nothing, fails the check (2) and names itself on stderr and in the report', async () => {
    const cwd = project(LEDGER.replace('expires: 2026-03-31', 'expires: 2025-12-31'));
    const result = await cli(['check', 'before.sql', '--migration', 'migration.sql', '--format', 'text'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'migration-architect: error: accepted finding expired on 2025-12-31: DB601 at migration.sql:2 (migration-architect.accepted.yaml, entry #1, accepted by @dba-team, until 2025-12-31): orders holds a few hundred rows; renew it or remove it',
    );
    expect(result.stdout).toContain('EXPIRED on 2025-12-31: DB601 at migration.sql:2');
    expect(result.stdout).toContain('POTENTIALLY BREAKING CHANGES');
  });

  it('reads entries from the config too, and --ledger names another ledger file', async () => {
    const cwd = project('accepted: []\n');
    writeFileSync(
      join(cwd, 'migration-architect.config.yaml'),
      'accepted:\n  - rule: database/index-not-concurrent\n    reason: small table\n    expires: 2026-01-01\n    accepted_by: ada\n',
    );
    const fromConfig = await cli(['check', 'before.sql', '--migration', 'migration.sql'], { cwd });
    expect(fromConfig.code).toBe(0);
    expect(JSON.parse(fromConfig.stdout).acceptance.accepted[0].entry.written_in).toBe('migration-architect.config.yaml, accepted entry #1');

    writeFileSync(join(cwd, 'other-ledger.yaml'), LEDGER.replace('expires: 2026-03-31', 'expires: 2025-06-30'));
    const other = await cli(['check', 'before.sql', '--migration', 'migration.sql', '--ledger', 'other-ledger.yaml'], { cwd });
    expect(other.code).toBe(2);
    expect(JSON.parse(other.stdout).acceptance.expired.map((e: { written_in: string }) => e.written_in)).toEqual(['other-ledger.yaml, entry #1']);
  });

  it('a malformed ledger is invalid input (65) naming the file and the path inside it', async () => {
    const cwd = project('accepted:\n  - rule: DB601\n    reason: small\n    accepted_by: ada\n');
    const result = await cli(['check', 'before.sql', '--migration', 'migration.sql'], { cwd });
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(/^migration-architect: error: migration-architect\.accepted\.yaml.*accepted\[0\]\.expires/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--format sarif keeps accepted findings as suppressed results: external for the ledger, in-source for an inline comment', async () => {
    const cwd = project(LEDGER);
    writeFileSync(
      join(cwd, 'migration.sql'),
      "SET lock_timeout = '5s';\nCREATE INDEX IF NOT EXISTS orders_total_idx ON orders (total);\n-- migration-architect-ignore DB601: users has a dozen rows\nCREATE INDEX IF NOT EXISTS users_email_idx ON users (email);\n",
    );
    const result = await cli(['check', 'before.sql', '--migration', 'migration.sql', '--format', 'sarif'], { cwd });
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout).runs[0] as {
      tool: { driver: { rules: { id: string }[] } };
      results: {
        ruleId: string;
        locations: { physicalLocation: { region?: { startLine: number } } }[];
        suppressions?: { kind: string; status: string; justification: string }[];
      }[];
    };
    const suppressed = run.results
      .filter((r) => r.suppressions)
      .map((r) => [r.ruleId, r.locations[0]?.physicalLocation.region?.startLine, r.suppressions![0]!.kind, r.suppressions![0]!.status]);
    expect(suppressed).toEqual([
      ['DB601', 2, 'external', 'accepted'],
      ['DB601', 4, 'inSource', 'accepted'],
    ]);
    const justifications = run.results.flatMap((r) => r.suppressions ?? []).map((s) => s.justification);
    expect(justifications[0]).toContain('orders holds a few hundred rows');
    // The acceptance applies to the statement on line 4 and is written on line 3.
    expect(justifications[1]).toBe('DB601 at migration.sql:4 (migration.sql:3): users has a dozen rows');
    // A suppressed result still names its rule, so the driver lists it.
    expect(run.tool.driver.rules.map((r) => r.id)).toContain('DB601');
  });
});
