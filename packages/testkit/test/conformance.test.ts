import { definePlugin, type MigrationArchitectPlugin } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkPluginConformance } from '../src/index.js';

function plugin(overrides: Partial<MigrationArchitectPlugin> = {}): MigrationArchitectPlugin {
  return definePlugin({
    apiVersion: 2,
    meta: { name: 'conformance-fixture', version: '1.0.0', namespace: 'fx' },
    migrationTypes: [
      {
        id: 'fx',
        title: 'Fixture',
        description: 'A fixture type',
        defaultPlan: { phases: ['go'], baseDurationHours: 4, complexityMultiplier: { low: 1, medium: 1, high: 2, critical: 3 } },
        successCriteria: ['Done'],
        stakeholders: ['Owner'],
        validationCommands: ['true'],
        validationChecklist: ['Checked'],
        dataRecoveryPlan: {
          recovery_method: 'none',
          backup_location: '-',
          recovery_scripts: [],
          data_validation_queries: [],
          estimated_recovery_time_minutes: 0,
          recovery_dependencies: [],
        },
      },
    ],
    phases: [{ id: 'go', type: 'fx', description: 'Go', tasks: ['Go'], validationCriteria: ['Gone'], riskLevel: 'low' }],
    rollbacks: [
      {
        id: 'back',
        type: 'fx',
        phases: ['go'],
        steps: [
          {
            key: 'back',
            name: 'Come back',
            description: 'Back',
            scriptType: 'bash',
            script: 'come-back --to {home_dir}',
            estimatedDurationMinutes: 1,
            successCriteria: ['Back'],
            failureEscalation: 'Shout',
          },
        ],
      },
    ],
    checkers: [
      {
        id: 'fx',
        title: 'Fixture schemas',
        description: 'Lists of names',
        changeKinds: ['name.removed'],
        diff: (a: Set<string>, b: Set<string>) => [...a].filter((n) => !b.has(n)).map((n) => ({ kind: 'name.removed', path: `names.${n}`, subject: n })),
        rules: [
          {
            id: 'name-removed',
            issueType: 'name_removed',
            change: 'name.removed',
            severity: 'breaking',
            title: 'Name removed',
            description: 'Readers of the name fail.',
            safeAlternative: 'Keep it.',
            examples: [{ before: { names: ['a'] }, after: { names: [] } }],
            classify: (c) => ({ description: `${c.subject} removed`, impact: 'Readers fail', suggestedMigration: 'Keep it', affectedOperations: [] }),
          },
        ],
      },
    ],
    sources: [
      {
        id: 'names',
        checker: 'fx',
        title: 'name list',
        description: 'A document { names: [...] }',
        read: async (input) => ({ model: new Set(((await input.document()) as { names: string[] }).names), dialect: null }),
      },
    ],
    ...overrides,
  });
}

describe('plugin conformance', async () => {
  it('passes a plugin that follows the contract (a well-formed placeholder in a script is fine)', async () => {
    expect(await checkPluginConformance(plugin())).toEqual([]);
  });

  it('reports an invalid contribution with its path', async () => {
    const bad = plugin();
    (bad.phases![0] as { riskLevel: string }).riskLevel = 'extreme';
    const [problem] = await checkPluginConformance(bad);
    expect(problem).toMatchObject({ check: 'contract' });
    expect(problem!.message).toContain('phases[0].riskLevel');
  });

  it('reports a rule without an example, and an example that does not trigger its rule', async () => {
    const p = plugin();
    const rule = p.checkers![0]!.rules[0]!;
    expect(await checkPluginConformance({ ...p, checkers: [{ ...p.checkers![0]!, rules: [{ ...rule, examples: [] }] }] })).toEqual([
      { check: 'rule-example', subject: 'rule fx/name-removed', message: expect.stringContaining('has no example') },
    ]);
    expect(
      await checkPluginConformance({
        ...p,
        checkers: [{ ...p.checkers![0]!, rules: [{ ...rule, examples: [{ name: 'same', before: { names: ['a'] }, after: { names: ['a'] } }] }] }],
      }),
    ).toEqual([{ check: 'rule-example', subject: 'rule fx/name-removed', message: 'example "same" does not trigger the rule (got no finding)' }]);
  });

  it('reports a change kind no rule classifies unconditionally, and a checker that declares no change kinds', async () => {
    const p = plugin();
    const checker = p.checkers![0]!;
    const conditional = { ...checker, changeKinds: ['name.removed', 'name.added'], rules: [{ ...checker.rules[0]!, when: () => true }] };
    expect(await checkPluginConformance({ ...p, checkers: [conditional] })).toEqual([
      {
        check: 'rule-coverage',
        subject: 'checker fx',
        message:
          'change kind "name.removed" has only rules with a "when": a change none of them matches ends the check with exit 70 (add a rule without "when" last)',
      },
      { check: 'rule-coverage', subject: 'checker fx', message: 'change kind "name.added" has no rule: such a change ends the check with exit 70' },
    ]);
    const { changeKinds: _none, ...undeclared } = checker;
    expect(await checkPluginConformance({ ...p, checkers: [undeclared] })).toEqual([
      { check: 'rule-coverage', subject: 'checker fx', message: 'declares no changeKinds, so nothing shows every change diff() reports has a rule' },
    ]);
  });

  it('runs rule examples with their rename hints', async () => {
    const p = plugin();
    const checker = p.checkers![0]!;
    const seen: unknown[] = [];
    const diff = checker.diff;
    const renamed = {
      ...checker,
      diff: (a: Set<string>, b: Set<string>, options: { renames: unknown[] }) => (seen.push(options.renames), diff(a, b, options as never)),
    };
    renamed.rules = [{ ...checker.rules[0]!, examples: [{ before: { names: ['a'] }, after: { names: [] }, renames: [{ from: 'a', to: 'b' }] }] }];
    expect(await checkPluginConformance({ ...p, checkers: [renamed] })).toEqual([]);
    expect(seen).toEqual([[{ from: 'a', to: 'b' }]]);
  });

  it('reports a phase without rollback steps and a malformed placeholder', async () => {
    const p = plugin({ rollbacks: [] });
    expect((await checkPluginConformance(p)).map((x) => x.check)).toContain('rollback-coverage');
    const broken = plugin();
    broken.phases![0]!.tasks = ['Deploy {{service}}'];
    expect(await checkPluginConformance(broken)).toContainEqual({
      check: 'placeholders',
      subject: 'default plan of fx',
      message: 'plan contains unfilled placeholder {service}',
    });
  });

  it('reports a risk condition that throws on a valid but unusual spec', async () => {
    const p = plugin({
      risks: [
        {
          id: 'fragile',
          type: 'fx',
          category: 'technical',
          description: 'Fragile',
          probability: 'low',
          impact: 'low',
          severity: 'low',
          mitigation: 'None',
          owner: 'Me',
          condition: 'tables over 1M rows',
          when: (spec) => (spec.tables_to_migrate as { row_count: number }[]).some((t) => t.row_count > 1e6),
        },
      ],
    });
    expect((await checkPluginConformance(p)).map((x) => x.check)).toContain('risk-condition');
  });

  it('plans the rest of a probe whose odd value of a declared field the type refuses, so its risk conditions still see odd undeclared fields', async () => {
    const seen: unknown[] = [];
    const p = plugin({
      risks: [
        {
          id: 'watcher',
          type: 'fx',
          category: 'technical',
          description: 'Watches',
          probability: 'low',
          impact: 'low',
          severity: 'low',
          mitigation: 'None',
          owner: 'Me',
          condition: 'always, recording the spec',
          when: (spec) => {
            seen.push(spec);
            return false;
          },
        },
      ],
    });
    p.migrationTypes![0]!.specFields = { tables_to_migrate: z.array(z.object({ name: z.string() })) };
    expect(await checkPluginConformance(p)).toEqual([]);
    const odd = seen.find((spec) => (spec as { services?: unknown }).services !== undefined) as Record<string, unknown>;
    expect(odd).toMatchObject({ services: { a: 1 }, resources: 7, schema_changes: [null, 1, 'x'] });
    expect(odd).not.toHaveProperty('tables_to_migrate');
  });
});
