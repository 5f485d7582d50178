import { createPlan, createRegistry, MigrationPlanSchema, type MigrationSpec } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import service from '../src/index.js';
import { clock, exampleSpec, spec } from './fixtures.js';

const registry = createRegistry([service()]);
const plan = (s: MigrationSpec) => createPlan(registry, s, { clock });

// The seed's plan fields (svc_plan.json), which seed tools and ours exchange.
const SEED_PLAN_FIELDS = [
  'migration_id', 'source_system', 'target_system', 'migration_type', 'complexity', 'estimated_duration_hours',
  'phases', 'risks', 'success_criteria', 'rollback_plan', 'stakeholders', 'created_at',
];
const SEED_PHASE_FIELDS = [
  'name', 'description', 'duration_hours', 'dependencies', 'validation_criteria', 'rollback_triggers', 'tasks', 'risk_level', 'resources_required',
];
const SEED_RISK_FIELDS = ['category', 'description', 'probability', 'impact', 'severity', 'mitigation', 'owner'];
const CONDITIONAL_RISKS = ['service/zero-downtime', 'service/large-data-volume', 'service/compliance'];

describe('plan for examples/sample_service_migration.json', () => {
  const result = plan(exampleSpec('sample_service_migration.json'));

  it('is critical and follows the strangler fig phases', () => {
    expect(result.complexity).toBe('critical');
    expect(result.migration_pattern).toBe('strangler_fig');
    expect(result.phases.map((p) => p.name)).toEqual(['intercept', 'implement', 'redirect', 'validate', 'retire']);
  });

  it('has every field of the seed plan and validates against the plan schema', () => {
    expect(Object.keys(result)).toEqual(expect.arrayContaining(SEED_PLAN_FIELDS));
    for (const phase of result.phases) expect(Object.keys(phase)).toEqual(expect.arrayContaining(SEED_PHASE_FIELDS));
    for (const risk of result.risks) expect(Object.keys(risk)).toEqual(expect.arrayContaining(SEED_RISK_FIELDS));
    expect(Object.keys(result.rollback_plan)).toEqual(['rollback_phases', 'rollback_triggers', 'rollback_decision_matrix', 'rollback_contacts']);
    expect(MigrationPlanSchema.safeParse(result).success).toBe(true);
  });

  it('splits 168 h x 3.0 over the phases without losing hours (the seed printed 500)', () => {
    expect(result.estimated_duration_hours).toBe(504);
    expect(result.phases.reduce((sum, p) => sum + p.duration_hours, 0)).toBe(result.estimated_duration_hours);
  });

  it('adds the conditional risks the spec meets, and only those', () => {
    const ids = result.risks.map((r) => r.id);
    // max_downtime_minutes 0, PCI_DSS + GDPR, 8 dependencies, feature flags, session continuity, API compatibility.
    expect(ids).toEqual(
      expect.arrayContaining([
        'service/zero-downtime',
        'service/compliance',
        'service/consumer-coordination',
        'service/feature-flag-debt',
        'service/session-continuity',
        'service/api-contract-break',
      ]),
    );
    expect(ids).not.toContain('service/large-data-volume'); // 50 GB
    expect(ids).not.toContain('service/shadow-side-effects'); // not a parallel run
    expect(ids.slice(0, 4)).toEqual(['service/service-compatibility', 'service/performance-degradation', 'service/feature-parity-gaps', 'service/monitoring-gap']);
  });

  it('uses phase-specific tasks and risk levels', () => {
    const redirect = result.phases.find((p) => p.name === 'redirect')!;
    expect(redirect.risk_level).toBe('high');
    expect(redirect.tasks.join(' ')).toMatch(/5% → 25% → 50% → 100%/);
    expect(redirect.rollback_triggers.join(' ')).toMatch(/consumer/i);
  });
});

describe('conditional risks', () => {
  it('are absent for a spec that meets none of the conditions', () => {
    const ids = plan(spec({ constraints: { max_downtime_minutes: 240, data_volume_gb: 10 } })).risks.map((r) => r.id);
    expect(ids).toHaveLength(4);
    for (const id of CONDITIONAL_RISKS) expect(ids).not.toContain(id);
  });

  it('follow the seed thresholds: downtime under 60 minutes, more than 5000 GB, any compliance requirement', () => {
    const ids = plan(spec({ constraints: { max_downtime_minutes: 59, data_volume_gb: 5001, compliance_requirements: ['SOX'] } })).risks.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(CONDITIONAL_RISKS));
    const boundary = plan(spec({ constraints: { max_downtime_minutes: 60, data_volume_gb: 5000, compliance_requirements: [] } })).risks.map((r) => r.id);
    for (const id of CONDITIONAL_RISKS) expect(boundary).not.toContain(id);
  });

  it('flag the shadow side effects of a parallel run', () => {
    expect(plan(spec({ pattern: 'parallel_run' })).risks.map((r) => r.id)).toContain('service/shadow-side-effects');
  });

  it('never throw on unexpected shapes of fields core does not validate', () => {
    expect(() => plan(spec({ feature_flags: { not: 'a list' }, service_details: null }))).not.toThrow();
    expect(plan(spec({ feature_flags: 'yes' })).risks.map((r) => r.id)).not.toContain('service/feature-flag-debt');
  });
});

describe('default plan and patterns', () => {
  it('scales the default plan with complexity (the seed used a flat 1.5)', () => {
    const low = plan(spec({}));
    const high = plan(spec({ constraints: { max_downtime_minutes: 30, data_volume_gb: 2000 } }));
    expect(low.complexity).toBe('low');
    expect(low.estimated_duration_hours).toBe(48);
    expect(high.complexity).toBe('high');
    expect(high.estimated_duration_hours).toBe(120);
    expect(low.phases.map((p) => p.name)).toEqual(['preparation', 'deployment', 'testing', 'cutover']);
  });

  it.each([
    ['parallel_run', ['setup', 'deploy', 'shadow', 'compare', 'cutover', 'cleanup'], 72],
    ['blue_green', ['preparation', 'provision_green', 'verify_green', 'switch_traffic', 'retire_blue'], 18],
    ['canary', ['preparation', 'canary_release', 'canary_analysis', 'progressive_rollout', 'promote'], 36],
  ])('plans %s with its phases', (pattern, phases, lowHours) => {
    const result = plan(spec({ pattern }));
    expect(result.phases.map((p) => p.name)).toEqual(phases);
    expect(result.estimated_duration_hours).toBe(lowHours);
  });
});
