import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with the bench script (no types).
import { commit, flywayHistory, GRAPHQL_BASE, initRepo, OPENAPI_BASE, write } from '../../../tooling/gate/history-repo.mjs';
import { spawnCli, tempDir } from './harness.js';

const version = (JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as { version: string }).version;

/** Output with the CLI's version replaced, so a release does not change the golden files. */
const unversioned = (text: string) =>
  text.replaceAll(`migration-architect ${version}`, 'migration-architect <version>').replaceAll(`"version": "${version}"`, '"version": "<version>"');

/** Kubernetes manifests of the accounts service on main: a Service with two ports and the volume claim of its uploads. */
const MANIFESTS_BASE = `apiVersion: v1
kind: Service
metadata:
  name: accounts
spec:
  selector:
    app: accounts
  ports:
    - name: http
      port: 80
      targetPort: 8080
    - name: metrics
      port: 9090
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: accounts-uploads
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 20Gi
`;

/** A cache's manifest on main, deleted by the branch: its volume claim goes with it. */
const CACHE_MANIFEST = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: accounts-cache
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 5Gi
`;

/** terraform show -json of a plan that replaces the accounts database (its engine changes) and creates a parameter group. */
const TERRAFORM_PLAN = `${JSON.stringify(
  {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: [
      {
        address: 'aws_db_parameter_group.accounts',
        mode: 'managed',
        type: 'aws_db_parameter_group',
        name: 'accounts',
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: { actions: ['create'], before: null, after: { family: 'postgres16', name: 'accounts' }, after_unknown: { id: true } },
      },
      {
        address: 'aws_db_instance.accounts',
        mode: 'managed',
        type: 'aws_db_instance',
        name: 'accounts',
        provider_name: 'registry.terraform.io/hashicorp/aws',
        action_reason: 'replace_because_cannot_update',
        change: {
          actions: ['delete', 'create'],
          before: { identifier: 'accounts', engine: 'mysql', allocated_storage: 50, skip_final_snapshot: true },
          after: { identifier: 'accounts', engine: 'postgres', allocated_storage: 50, skip_final_snapshot: true },
          after_unknown: { endpoint: true },
          replace_paths: [['engine']],
        },
      },
    ],
  },
  null,
  2,
)}\n`;

/**
 * A project with history on main (30 Flyway migrations, some with undo files, an OpenAPI file, a
 * GraphQL schema and Kubernetes manifests), and a branch that drops a NOT NULL column with an undo
 * that does not restore it, adds an index the team accepted in the ledger, removes a response
 * property and changes a field type, removes a Service port, deletes the cache's manifest (its
 * volume claim) and adds a Terraform plan that replaces the database.
 */
function projectWithBranch(): string {
  const dir = tempDir();
  initRepo(dir);
  write(dir, 'api/openapi.yaml', OPENAPI_BASE);
  write(dir, 'api/schema.graphql', GRAPHQL_BASE);
  write(dir, 'README.md', '# accounts\n');
  write(dir, 'deploy/k8s/accounts.yaml', MANIFESTS_BASE);
  write(dir, 'deploy/k8s/cache.yaml', CACHE_MANIFEST);
  // The history grows a few migrations per commit, as a project's does.
  const history = flywayHistory(30) as { path: string; text: string }[];
  for (let i = 0; i < history.length; i += 6) {
    for (const file of history.slice(i, i + 6)) write(dir, file.path, file.text);
    commit(dir, `migrations ${i + 1}..${i + 6}`);
  }
  execFileSync('git', ['checkout', '-q', '-b', 'feature'], { cwd: dir });
  write(dir, 'db/migration/V31__drop_teams_name.sql', "SET lock_timeout = '5s';\nALTER TABLE teams DROP COLUMN name;\n");
  write(dir, 'db/migration/U31__drop_teams_name.sql', 'ALTER TABLE teams ADD COLUMN name text;\n');
  write(
    dir,
    'db/migration/V32__index_orders_created_at.sql',
    "SET lock_timeout = '5s';\n-- orders is small: a plain index build is accepted in the ledger\nCREATE INDEX IF NOT EXISTS orders_created_at_idx ON orders (created_at);\n",
  );
  write(
    dir,
    'db/migration/V33__index_teams_created_at.sql',
    "SET lock_timeout = '5s';\n-- migration-architect-ignore DB601: teams holds a few dozen rows; the build takes milliseconds\nCREATE INDEX IF NOT EXISTS teams_created_at_idx ON teams (created_at);\n",
  );
  write(dir, 'api/openapi.yaml', OPENAPI_BASE.replace('        plan:\n          type: string\n', ''));
  write(dir, 'api/schema.graphql', GRAPHQL_BASE.replace('plan: String', 'plan: Int'));
  write(dir, 'deploy/k8s/accounts.yaml', MANIFESTS_BASE.replace('    - name: metrics\n      port: 9090\n', ''));
  rmSync(join(dir, 'deploy/k8s/cache.yaml'));
  write(dir, 'deploy/terraform/plan.json', TERRAFORM_PLAN);
  write(
    dir,
    'migration-architect.accepted.yaml',
    [
      'accepted:',
      '  - rule: DB601',
      '    location: db/migration/V32__index_orders_created_at.sql',
      '    reason: orders holds a few hundred rows; the build takes milliseconds',
      '    expires: 2026-06-30',
      '    accepted_by: "@dba-team"',
      '  - rule: database/table-removed',
      '    subject: tables.legacy_events',
      '    reason: legacy_events is dropped with the reporting service',
      '    expires: 2026-03-31',
      '    accepted_by: "@platform"',
      '',
    ].join('\n'),
  );
  write(dir, 'docs/notes.md', 'why\n');
  commit(dir, 'feature');
  return dir;
}

describe('gate on a repository with history', () => {
  it('lists what it would check and why (--dry-run, --head)', () => {
    const dir = projectWithBranch();
    const run = spawnCli(['gate', '--base', 'main', '--head', 'feature', '--dry-run'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'db/migration/V31__drop_teams_name.sql  [added migration, database]  flyway migration 31 in db/migration/, after 30 earlier migrations; down: U31__drop_teams_name.sql',
    );
    expect(run.stdout).toContain(
      'db/migration/V32__index_orders_created_at.sql  [added migration, database]  flyway migration 32 in db/migration/, after 31 earlier migrations',
    );
    expect(run.stdout).toContain('api/openapi.yaml  [modified schema, api]  read by service/openapi');
    expect(run.stdout).toContain('api/schema.graphql  [modified schema, graphql]  read by service/graphql-sdl');
    expect(run.stdout).toContain(
      'deploy/terraform/plan.json  [added schema, terraform]  read by infrastructure/terraform-plan-json (Terraform plan JSON): a change set in itself, checked alone',
    );
    expect(run.stdout).toContain('deploy/k8s/accounts.yaml  [modified schema, kubernetes]  read by infrastructure/kubernetes-manifests (Kubernetes manifests)');
    expect(run.stdout).toContain(
      'deploy/k8s/cache.yaml  [deleted schema, kubernetes]  deleted; read by infrastructure/kubernetes-manifests (Kubernetes manifests) on the base, compared with nothing: everything it held is removed',
    );
    expect(run.stdout).toContain('docs/notes.md  not matched by the gate globs (gate.include)');
    expect(run.stdout).toContain('migration-architect.accepted.yaml  no loaded source reads it');
  });

  // Replays 30 migrations on PGlite twice over (first run, then from the cache): minutes on a busy 2-core machine.
  it('fails on the dangerous migration and the breaking API changes, applies the ledger, and writes the comment, SARIF and annotations', {
    timeout: 600_000,
  }, async () => {
    const dir = projectWithBranch();
    const env = { SOURCE_DATE_EPOCH: '1767225600', MIGRATION_ARCHITECT_CACHE_DIR: join(dir, '.cache') };
    const run = spawnCli(
      ['gate', '--base', 'main', '--format', 'github', '--markdown-file', 'comment.md', '--sarif-file', 'gate.sarif', '--json-file', 'gate.json'],
      {
        cwd: dir,
        env,
      },
    );
    expect(run.code).toBe(2);
    await expect(unversioned(run.stdout)).toMatchFileSnapshot('golden/gate/annotations.txt');
    await expect(unversioned(readFileSync(join(dir, 'comment.md'), 'utf8'))).toMatchFileSnapshot('golden/gate/comment.md');

    const sarif = JSON.parse(readFileSync(join(dir, 'gate.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const ruleIds = sarif.runs[0].tool.driver.rules.map((r: { properties: Record<string, string> }) => r.properties['migration-architect/id']);
    // Every checker's rules, not only those that fired, and the gate's own.
    for (const id of ['database/column-removed', 'database/index-not-concurrent', 'service/field-type-changed', 'gate/rollback-not-reversible'])
      expect(ruleIds, id).toContain(id);
    // Rule indexes move as plugins gain rules; the rule ids say which rule each result is.
    const results = sarif.runs[0].results.map(({ ruleIndex, ...rest }: { ruleIndex?: number }) => {
      expect(sarif.runs[0].tool.driver.rules[ruleIndex!].id).toBe((rest as { ruleId: string }).ruleId);
      return rest;
    });
    await expect(`${JSON.stringify(results, null, 2)}\n`).toMatchFileSnapshot('golden/gate/sarif-results.json');

    const result = JSON.parse(readFileSync(join(dir, 'gate.json'), 'utf8'));
    expect(result.acceptance.accepted.map((a: { entry_number: number; issue: { code: string } }) => [a.entry_number, a.issue.code])).toEqual([[1, 'DB601']]);
    expect(result.acceptance.unmatched.map((u: { entry_number: number }) => u.entry_number)).toEqual([2]);
    expect(result.inputs.find((i: { path: string }) => i.path === 'db/migration/V31__drop_teams_name.sql').round_trip.status).toBe('failed');

    // The second run reads the replayed history from the cache and says the same.
    const again = spawnCli(['gate', '--base', 'main', '--format', 'github', '--json-file', 'again.json'], { cwd: dir, env });
    expect(again.code).toBe(2);
    expect(again.stdout).toBe(run.stdout);
    const replays = JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8')).inputs.flatMap((i: { replay?: { cached: boolean } }) =>
      i.replay ? [i.replay.cached] : [],
    );
    expect(replays).toEqual([true, true, true]);
  });

  it('passes once the finding is accepted, and fails naming the entry when the acceptance has expired', { timeout: 600_000 }, () => {
    const dir = projectWithBranch();
    const env = { SOURCE_DATE_EPOCH: '1767225600', MIGRATION_ARCHITECT_CACHE_DIR: join(dir, '.cache') };
    const ledger = (expires: string) =>
      `accepted:\n  - rule: database/index-not-concurrent\n    location: db/migration/V32__index_orders_created_at.sql:3\n    reason: small table\n    expires: ${expires}\n    accepted_by: ada\n`;
    write(dir, 'ledger.yaml', ledger('2026-01-01'));
    const pass = spawnCli(['gate', '--base', 'main', '--paths', 'db/migration/V32*', '--ledger', 'ledger.yaml'], { cwd: dir, env });
    expect(pass.stdout).toContain('accepted (#1, ada, until 2026-01-01): DB601 in db/migration/V32__index_orders_created_at.sql: small table');
    expect(pass.code).toBe(0);

    write(dir, 'ledger.yaml', ledger('2025-12-31'));
    const expired = spawnCli(['gate', '--base', 'main', '--paths', 'db/migration/V32*', '--ledger', 'ledger.yaml', '--format', 'github'], { cwd: dir, env });
    expect(expired.code).toBe(2);
    expect(expired.stdout).toContain(
      '::error file=ledger.yaml,title=GATE010 gate/acceptance-expired::accepted entry #1 (database/index-not-concurrent at db/migration/V32__index_orders_created_at.sql:3, accepted by ada) expired on 2025-12-31.',
    );
    expect(expired.stdout).toContain('::warning file=db/migration/V32__index_orders_created_at.sql,line=3,title=DB601');
  });

  it('reads the base from GITHUB_BASE_REF in a pull request', () => {
    const dir = projectWithBranch();
    const run = spawnCli(['gate', '--dry-run', '--paths', 'api/**'], { cwd: dir, env: { GITHUB_BASE_REF: 'main' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^base main \([0-9a-f]{7}, GITHUB_BASE_REF\) -> working tree/);
  });

  it('refuses a base that names no commit, in one line', () => {
    const dir = projectWithBranch();
    const run = spawnCli(['gate', '--base', 'nope'], { cwd: dir });
    expect(run.code).toBe(64);
    expect(run.stderr).toBe('migration-architect: error: the base "nope" (--base) names no commit\n');
  });
});
