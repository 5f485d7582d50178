import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath as bin, cli, examples, tempDir } from './harness.js';

interface Step {
  id: string;
  script_type: string;
  script: string;
}

describe("the plan's validation gates run reconcile", () => {
  it('writes one reconcile command per migrated table, and the command runs as written', async () => {
    const plan = JSON.parse((await cli(['plan', join(examples, 'cross_region_database_move.json')])).stdout) as { phases: { steps?: Step[] }[] };
    const gates = plan.phases.flatMap((p) => p.steps ?? []).filter((s) => s.id.startsWith('validate-'));
    expect(gates.map((g) => g.id)).toEqual(['validate-orders', 'validate-order_items', 'validate-order_status_history']);
    for (const gate of gates) {
      expect(gate.script_type).toBe('bash');
      expect(gate.script).toMatch(
        /^migration-architect reconcile --source "\$SOURCE_DATABASE_URL" --target "\$TARGET_DATABASE_URL" --table \S+ --level (rows|checksum) -o \S+\.json/,
      );
    }
    // The command as the plan writes it, on the bundled databases with one of their tables.
    const command = gates[0]!.script
      .replace(/\s+#.*$/, '')
      .replace(/--table \S+/, '--table customers')
      .replace(/-o \S+/, '--format json');
    const args = command
      .split(' ')
      .slice(1)
      .map((word) =>
        word
          .replace('"$SOURCE_DATABASE_URL"', `sqlite:${join(examples, 'reconcile/source.db')}`)
          .replace('"$TARGET_DATABASE_URL"', `sqlite:${join(examples, 'reconcile/target.db')}`),
      );
    const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).tables[0].table).toBe('customers');
  });

  it('gives the runbook a reconcile the other way round, to find what the target gained', async () => {
    const dir = tempDir();
    const planFile = join(dir, 'plan.json');
    expect((await cli(['plan', join(examples, 'cross_region_database_move.json'), '-o', planFile])).code).toBe(0);
    const runbook = JSON.parse((await cli(['rollback', planFile])).stdout) as { rollback_phases: { steps: { script_content: string }[] }[] };
    const back = runbook.rollback_phases.flatMap((p) => p.steps).filter((s) => s.script_content.includes('migration-architect reconcile'));
    expect(back.map((s) => /--table (\S+)/.exec(s.script_content)?.[1]).sort()).toEqual(['order_items', 'order_status_history', 'orders']);
    expect(
      back.every(
        (s) =>
          s.script_content.startsWith('migration-architect reconcile --source "$TARGET_DATABASE_URL" --target "$SOURCE_DATABASE_URL"') &&
          s.script_content.includes('--print-fix-sql'),
      ),
    ).toBe(true);
  });
});
