import { createPlan, createRegistry, MigrationPlanSchema, type MigrationSpec } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import infrastructure from '../src/index.js';
import { clock, exampleSpec, spec } from './fixtures.js';

const registry = createRegistry([infrastructure()]);
const plan = (s: MigrationSpec) => createPlan(registry, s, { clock });
const CONDITIONAL_RISKS = ['infrastructure/zero-downtime', 'infrastructure/large-data-volume', 'infrastructure/compliance'];

describe('plan for examples/sample_infrastructure_migration.json', () => {
  const result = plan(exampleSpec('sample_infrastructure_migration.json'));

  it('is high complexity and follows the on-premises to cloud phases', () => {
    // 8,500 GB (2) + 7 dependencies (2) + 120 minutes downtime (2) + 1 special requirement = 7.
    expect(result.complexity).toBe('high');
    expect(result.migration_pattern).toBe('on_prem_to_cloud');
    expect(result.phases.map((p) => p.name)).toEqual(['discovery', 'planning', 'pilot', 'migration', 'validation', 'cutover']);
    expect(MigrationPlanSchema.safeParse(result).success).toBe(true);
  });

  it('sizes phases with sized steps as their work plus a buffer; the others share 480 h x 2.0', () => {
    for (const phase of result.phases)
      expect(phase.duration_basis).toMatch(phase.work_minutes ? /^(its \d+ step\(s\): .* \+ buffer|sum of its steps)/ : /^pattern share: /);
    expect(result.estimated_duration_hours).toBe(531.25);
    expect(result.phases.reduce((sum, p) => sum + p.duration_hours, 0)).toBe(531.25);
  });

  it('adds the risks the spec calls for', () => {
    const ids = result.risks.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'infrastructure/large-data-volume',
        'infrastructure/compliance',
        'infrastructure/dns-propagation',
        'infrastructure/hidden-dependencies',
        'infrastructure/hybrid-link-saturation',
        'infrastructure/data-residency',
      ]),
    );
    expect(ids).not.toContain('infrastructure/zero-downtime'); // 120 minutes allowed
  });

  it('makes cutover the critical phase with network-specific triggers', () => {
    const cutover = result.phases.at(-1)!;
    expect(cutover.risk_level).toBe('critical');
    expect(cutover.rollback_triggers.join(' ')).toMatch(/DNS|routing/);
  });
});

describe('conditional risks', () => {
  it('are absent for a spec that meets none of the conditions', () => {
    const ids = plan(spec({ constraints: { max_downtime_minutes: 480, data_volume_gb: 100 } })).risks.map((r) => r.id);
    expect(ids).toEqual([
      'infrastructure/network-connectivity',
      'infrastructure/security-drift',
      'infrastructure/cost-overrun',
      'infrastructure/knowledge-gaps',
    ]);
  });

  it('follow the seed thresholds', () => {
    const ids = plan(spec({ constraints: { max_downtime_minutes: 30, data_volume_gb: 6000, compliance_requirements: ['HIPAA'] } })).risks.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(CONDITIONAL_RISKS));
    expect(ids).not.toContain('infrastructure/data-residency'); // no GDPR
    expect(ids).not.toContain('infrastructure/hybrid-link-saturation'); // not on_prem_to_cloud
  });
});

describe('default plan and patterns', () => {
  it('scales the default plan with complexity (the seed used a flat 1.5)', () => {
    const low = plan(spec({}));
    expect(low.phases.map((p) => p.name)).toEqual(['assessment', 'preparation', 'migration', 'validation']);
    expect(low.estimated_duration_hours).toBe(48);
    expect(plan(spec({ constraints: { data_volume_gb: 500, dependencies: ['a', 'b', 'c'], max_downtime_minutes: 300 } })).estimated_duration_hours).toBe(56.25);
  });

  it("plans a cloud migration with its phases and the seed's numbers", () => {
    const result = plan(spec({ pattern: 'cloud_migration' }));
    expect(result.phases.map((p) => p.name)).toEqual(['assessment', 'design', 'pilot', 'migration', 'optimization', 'decommission']);
    // 720 h x 0.6 = 432 h of phases, but optimization and decommission both follow the migration, in parallel.
    expect(result.phases.reduce((sum, p) => sum + p.duration_hours, 0)).toBe(432);
    expect(result.estimated_duration_hours).toBe(360);
    expect(result.critical_path).toEqual(['assessment', 'design', 'pilot', 'migration', 'decommission']);
    expect(result.phases.find((p) => p.name === 'optimization')!.parallel_with).toEqual(['decommission']);
  });
});
