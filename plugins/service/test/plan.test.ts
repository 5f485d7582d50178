import { createPlan, createRegistry, MigrationPlanSchema, type MigrationSpec } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import service from '../src/index.js';
import { clock, exampleSpec, spec } from './fixtures.js';

const registry = createRegistry([service()]);
const plan = (s: MigrationSpec) => createPlan(registry, s, { clock });

// The seed's plan fields (svc_plan.json), which seed tools and ours exchange.
const SEED_PLAN_FIELDS = [
  'migration_id',
  'source_system',
  'target_system',
  'migration_type',
  'complexity',
  'estimated_duration_hours',
  'phases',
  'risks',
  'success_criteria',
  'rollback_plan',
  'stakeholders',
  'created_at',
];
const SEED_PHASE_FIELDS = [
  'name',
  'description',
  'duration_hours',
  'dependencies',
  'validation_criteria',
  'rollback_triggers',
  'tasks',
  'risk_level',
  'resources_required',
];
const SEED_RISK_FIELDS = ['category', 'description', 'probability', 'impact', 'severity', 'mitigation', 'owner'];
const CONDITIONAL_RISKS = ['service/zero-downtime', 'service/large-data-volume', 'service/compliance'];

describe('plan for examples/sample_service_migration.json', () => {
  const sample = exampleSpec('sample_service_migration.json');
  const result = plan(sample);
  // The same spec without its own phases: the strangler fig pattern's.
  const { migration_phases: _own, ...withoutPhases } = sample;
  const byPattern = plan(withoutPhases as MigrationSpec);

  it("keeps the spec's own five phases, descriptions and hours (86 h), in order", () => {
    expect(result.complexity).toBe('critical');
    expect(result.migration_pattern).toBe('strangler_fig');
    expect(result.phases.map((p) => [p.name, p.duration_hours, p.origin])).toEqual([
      ['preparation', 8, 'spec'],
      ['intercept', 2, 'spec'],
      ['gradual_migration', 48, 'spec'],
      ['validation', 24, 'spec'],
      ['decommission', 4, 'spec'],
    ]);
    expect(result.phases[2]!.description).toBe('Gradually increase traffic to new service');
    expect(result.estimated_duration_hours).toBe(86);
    expect(result.critical_path).toEqual(['preparation', 'intercept', 'gradual_migration', 'validation', 'decommission']);
    expect(result.phases.map((p) => p.start_offset_hours)).toEqual([0, 8, 10, 58, 82]);
  });

  it("takes tasks and gates from the template of the same name, and the spec's description where there is none", () => {
    const [preparation, intercept, gradual] = result.phases;
    expect(preparation!.template).toBe('preparation');
    expect(intercept!.template).toBe('intercept');
    expect(intercept!.tasks.join(' ')).toMatch(/gateway route/i);
    expect(gradual!.template).toBeNull();
    expect(gradual!.tasks[0]).toBe('Gradually increase traffic to new service');
  });

  it('rolls both flags out from gradual_migration, stage by stage, gated by the alert thresholds', () => {
    const [users, auth] = result.feature_flag_rollouts!;
    expect(users!.flag).toBe('enable_new_user_service');
    expect(users!.phase).toBe('gradual_migration');
    expect(users!.stages.map((s) => [s.percentage, s.hold_hours, s.start_offset_hours])).toEqual([
      [5, 24, 10],
      [25, 24, 34],
      [50, 24, 58],
      [100, 0, 82],
    ]);
    expect(users!.total_hours).toBe(72);
    expect(auth!.stages.map((s) => [s.percentage, s.hold_hours])).toEqual([
      [10, 12],
      [50, 12],
      [100, 0],
    ]);
    expect(users!.stages[0]!.gates).toEqual([
      { metric: 'error_rate', operator: 'at_most', value: 0.05, source: 'monitoring.alert_thresholds.error_rate' },
      { metric: 'response_time_p95', operator: 'at_most', value: 250, source: 'monitoring.alert_thresholds.response_time_p95' },
      { metric: 'cpu_utilization', operator: 'at_most', value: 0.8, source: 'monitoring.alert_thresholds.cpu_utilization' },
      { metric: 'memory_utilization', operator: 'at_most', value: 0.85, source: 'monitoring.alert_thresholds.memory_utilization' },
    ]);
    expect(users!.stages.at(-1)!.gates).toEqual([]);
    expect(users!.stages[0]!.abort_when).toContain('error_rate > 0.1 for 5 min → automatic_rollback');
    const gradual = result.phases.find((p) => p.name === 'gradual_migration')!;
    expect(gradual.tasks).toContain('Roll out enable_new_user_service: 5% (24 h) → 25% (24 h) → 50% (24 h) → 100%, moving on only while the gates hold');
    expect(gradual.steps!.map((s) => s.id)).toEqual(['flag-enable_new_user_service', 'flag-enable_new_auth_endpoints']);
    expect(gradual.steps![0]!.rollback!.script).toContain('"percentage": 0');
    // The 72-hour rollout reaches 100% exactly when decommission starts: no overrun warning.
    expect(result.warnings!.map((w) => w.code)).not.toContain('rollout-overruns');
  });

  it('warns when a rollout cannot reach 100% before the final phase', () => {
    const short = plan({
      ...sample,
      migration_phases: sample.migration_phases!.map((p) => (p.phase === 'validation' ? { ...p, estimated_duration_hours: 12 } : p)),
    });
    const overrun = short.warnings!.find((w) => w.code === 'rollout-overruns')!;
    expect(overrun.message).toBe('enable_new_user_service reaches 100% at hour 82, after the final phase decommission starts (hour 70)');
    expect(overrun.path).toBe('feature_flags[0].rollout_schedule');
  });

  it('gates every phase from the first traffic move on with the alert thresholds, not the ones before', () => {
    expect(result.phases.map((p) => p.gates!.length)).toEqual([0, 0, 4, 4, 4]);
    expect(result.phases[3]!.validation_criteria.at(-1)).toBe(
      'Metrics within alert thresholds: error_rate ≤ 0.05, response_time_p95 ≤ 250, cpu_utilization ≤ 0.8, memory_utilization ≤ 0.85',
    );
  });

  it('routes every legacy endpoint to its counterpart in intercept, and load tests at the target peak in validation', () => {
    const intercept = result.phases.find((p) => p.name === 'intercept')!;
    expect(intercept.steps!.map((s) => s.name)).toEqual([
      'Route GET /api/v1/users/{id} → GET /api/v2/users/{id}',
      'Route POST /api/v1/users → POST /api/v2/users',
      'Route PUT /api/v1/users/{id} → PUT /api/v2/users/{id}',
      'Route DELETE /api/v1/users/{id} → DELETE /api/v2/users/{id}',
      'Route GET /api/v1/users/{id}/profile → GET /api/v2/users/{id}/profile',
      'Route PUT /api/v1/users/{id}/profile → PUT /api/v2/users/{id}/profile',
      'Route POST /api/v1/users/{id}/verify-email → POST /api/v2/users/{id}/verify-email',
      'Route POST /api/v1/users/login → POST /api/v2/auth/login',
      'Route POST /api/v1/users/logout → POST /api/v2/auth/logout',
    ]);
    expect(intercept.work_minutes).toBe(45);
    const validation = result.phases.find((p) => p.name === 'validation')!;
    expect(validation.steps!.map((s) => s.name)).toEqual(['Load test the new service at 3000 requests/s']);
    expect(validation.steps![0]!.description).toContain('p95 ≤ 200 ms');
  });

  it('warns about a legacy endpoint without a counterpart, and raises the orphaned-endpoint risk naming it', () => {
    const details = sample.service_details as { legacy_service: { endpoints: string[] } };
    const extra = {
      ...sample,
      service_details: {
        ...details,
        legacy_service: { ...details.legacy_service, endpoints: [...details.legacy_service.endpoints, 'GET /api/v1/users/{id}/avatar'] },
      },
    };
    const result = plan(extra as MigrationSpec);
    expect(result.warnings!.find((w) => w.code === 'endpoint-without-replacement')!.path).toBe('service_details.legacy_service.endpoints[9]');
    const risk = result.risks.find((r) => r.id === 'service/orphaned-endpoints')!;
    expect(risk.raised_by!.map((f) => [f.path, f.value])).toEqual([['service_details.legacy_service.endpoints[9]', 'GET /api/v1/users/{id}/avatar']]);
  });

  it('has every field of the seed plan and validates against the plan schema', () => {
    expect(Object.keys(result)).toEqual(expect.arrayContaining(SEED_PLAN_FIELDS));
    for (const phase of result.phases) expect(Object.keys(phase)).toEqual(expect.arrayContaining(SEED_PHASE_FIELDS));
    for (const risk of result.risks) expect(Object.keys(risk)).toEqual(expect.arrayContaining(SEED_RISK_FIELDS));
    expect(Object.keys(result.rollback_plan)).toEqual(
      expect.arrayContaining(['rollback_phases', 'rollback_triggers', 'rollback_decision_matrix', 'rollback_contacts']),
    );
    expect(MigrationPlanSchema.safeParse(result).success).toBe(true);
  });

  it("without its own phases: phases with sized steps last their work plus a buffer, the others share the pattern's 168 h x 3.0", () => {
    expect(byPattern.phases.map((p) => p.name)).toEqual(['intercept', 'implement', 'redirect', 'validate', 'retire']);
    for (const phase of byPattern.phases)
      expect(phase.duration_basis).toMatch(phase.work_minutes ? /^(its \d+ step\(s\): .* \+ buffer|sum of its steps)/ : /^pattern share: /);
    expect(byPattern.estimated_duration_hours).toBe(449);
    expect(byPattern.phases.reduce((sum, p) => sum + p.duration_hours, 0)).toBe(byPattern.estimated_duration_hours);
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
    expect(ids.slice(0, 4)).toEqual([
      'service/service-compatibility',
      'service/performance-degradation',
      'service/feature-parity-gaps',
      'service/monitoring-gap',
    ]);
  });

  it('uses phase-specific tasks and risk levels, and starts the rollouts in redirect, the phase that shifts traffic', () => {
    const redirect = byPattern.phases.find((p) => p.name === 'redirect')!;
    expect(byPattern.feature_flag_rollouts!.map((r) => r.phase)).toEqual(['redirect', 'redirect']);
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

  it('name the fact that raised them', () => {
    const risk = plan(spec({ constraints: { max_downtime_minutes: 15 } })).risks.find((r) => r.id === 'service/zero-downtime')!;
    expect(risk.raised_by).toEqual([
      { fact: 'zero-downtime', path: 'constraints.max_downtime_minutes', value: 15, statement: 'at most 15 minutes of downtime: only online techniques fit' },
    ]);
  });

  it('are not reached for fields of the wrong shape: the planner refuses them, naming the path', () => {
    const raw = { type: 'service', source: 'a', target: 'b', feature_flags: { not: 'a list' } } as unknown as MigrationSpec;
    expect(() => plan(raw)).toThrowError(/expected array/);
    expect(() => plan({ ...raw, feature_flags: [], service_details: { legacy_service: { endpoints: ['users'] } } } as unknown as MigrationSpec)).toThrowError(
      /METHOD \/path/,
    );
  });
});

describe('patterns against the spec', () => {
  it('warns that blue-green contradicts splitting a monolith, naming the fact', () => {
    const warning = plan(spec({ pattern: 'blue_green', source: 'Order monolith (Rails)' })).warnings!.find((w) => w.code === 'pattern-contradiction')!;
    expect(warning.path).toBe('source');
    expect(warning.message).toMatch(/^pattern blue_green does not fit this spec: blue-green switches a whole service at once/);
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
