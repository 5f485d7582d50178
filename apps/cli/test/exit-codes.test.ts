import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examples, spawnCli, tempDir } from './harness.js';

const dbSpec = join(examples, 'sample_database_migration.json');

/** The error lines on stderr (the sample spec's plan also prints warnings). */
const errorLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('migration-architect: error: '));

/** Exits users and CI scripts branch on, spawned or in-process as noted. */
describe('documented exit codes', { timeout: 60_000 }, () => {
  it('70: a plugin whose own code throws is named in one line, without a stack trace (spawned)', () => {
    const dir = tempDir();
    // A type whose risk condition has a bug: it reads a field the spec does not have.
    writeFileSync(
      join(dir, 'buggy-plugin.mjs'),
      `export default () => ({
  apiVersion: 2,
  meta: { name: 'buggy-plugin', version: '1.0.0', namespace: 'buggy' },
  migrationTypes: [{
    id: 'buggy', title: 'Buggy', description: 'A type with a broken risk condition',
    defaultPlan: { phases: ['go'], baseDurationHours: 1, complexityMultiplier: { low: 1, medium: 1, high: 1, critical: 1 } },
    successCriteria: ['done'], stakeholders: ['me'], validationCommands: ['true'], validationChecklist: ['checked'],
    dataRecoveryPlan: { recovery_method: 'none', backup_location: '-', recovery_scripts: [], data_validation_queries: [], estimated_recovery_time_minutes: 0, recovery_dependencies: [] },
  }],
  phases: [{ id: 'go', type: 'buggy', description: 'Go', tasks: ['go'], validationCriteria: ['gone'], riskLevel: 'low' }],
  risks: [{ id: 'fragile', type: 'buggy', category: 'technical', description: 'Fragile', probability: 'low', impact: 'low', severity: 'low',
    mitigation: 'none', owner: 'me', condition: 'many queues', when: (spec) => spec.queues.length > 3 }],
});
`,
    );
    writeFileSync(join(dir, 'migration-architect.config.json'), JSON.stringify({ plugins: ['./buggy-plugin.mjs'] }));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify({ type: 'buggy', source: 'a', target: 'b' }));
    const result = spawnCli(['plan', 'spec.json'], { cwd: dir });
    expect(result.code).toBe(70);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^migration-architect: error: (spec\.json: )?plugin "buggy-plugin": risk buggy\/fragile: when\(\) threw: Cannot read properties of undefined \(reading 'length'\)\n$/,
    );
  });

  it('73: an output folder the user cannot write to leaves nothing behind', async () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    // Permission bits do not bind root (CI containers run as root): there, write into /sys, which refuses even root.
    const folder = process.getuid?.() === 0 ? '/sys' : locked;
    const result = await cli(['plan', dbSpec, '-o', join(folder, 'plan.json')]);
    chmodSync(locked, 0o755);
    expect(result.code).toBe(73);
    expect(errorLines(result.stderr)).toEqual([`migration-architect: error: ${join(folder, 'plan.json')}: cannot write output: permission denied`]);
    expect(readdirSync(locked)).toEqual([]);
  });

  it('73: an output path that is a directory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'plan.json'));
    const result = await cli(['plan', dbSpec, '-o', join(dir, 'plan.json')]);
    expect(result.code).toBe(73);
    expect(errorLines(result.stderr)).toEqual([`migration-architect: error: ${join(dir, 'plan.json')}: cannot write output: is a directory`]);
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('73: --format both whose text companion cannot be written writes neither file, naming the one that failed', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'plan.txt'));
    const result = await cli(['plan', dbSpec, '--format', 'both', '-o', join(dir, 'plan.json')]);
    expect(result.code).toBe(73);
    expect(errorLines(result.stderr)).toEqual([`migration-architect: error: ${join(dir, 'plan.txt')}: cannot write output: is a directory`]);
    // No plan.json, and no temporary file left beside it.
    expect(readdirSync(dir)).toEqual(['plan.txt']);
  });
});
