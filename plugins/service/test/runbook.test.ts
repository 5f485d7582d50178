import { createPlan, createRegistry, createRunbook, RollbackRunbookSchema } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import service from '../src/index.js';
import { clock, exampleSpec, spec } from './fixtures.js';

const registry = createRegistry([service()]);
const patterns = [undefined, ...registry.patterns('service').map((p) => p.id)];

describe('service runbooks', () => {
  it.each(patterns.map((p) => [p ?? 'default plan', p] as const))('%s: every phase has real steps before the final validation', (_label, pattern) => {
    const plan = createPlan(registry, spec(pattern ? { pattern } : {}), { clock });
    const runbook = createRunbook(registry, plan, { clock });
    expect(runbook.rollback_phases).toHaveLength(plan.phases.length);
    for (const phase of runbook.rollback_phases) {
      const steps = phase.steps;
      expect(steps.length, phase.phase_name).toBeGreaterThanOrEqual(2);
      expect(steps.at(-1)!.step_id, phase.phase_name).toMatch(/_validate$/);
      for (const step of steps.slice(0, -1)) {
        // `_revert` is core's fallback for a phase no plugin knows.
        expect(step.step_id, phase.phase_name).not.toMatch(/_revert$/);
        expect(step.script_content.length, step.step_id).toBeGreaterThan(20);
        expect(step.success_criteria.length, step.step_id).toBeGreaterThan(0);
      }
      expect(new Set(steps.map((s) => s.step_id)).size, phase.phase_name).toBe(steps.length);
    }
    expect(RollbackRunbookSchema.safeParse(runbook).success).toBe(true);
  });

  it('covers every phase template with a rollback template', () => {
    for (const phase of registry.phaseTemplateIds('service')) expect(registry.rollbacksFor('service', phase).length, phase).toBeGreaterThan(0);
  });

  it("rolls the sample cutover back through the load balancer and the deployment (the seed's steps)", () => {
    const plan = createPlan(registry, spec({}), { clock });
    const cutover = createRunbook(registry, plan, { clock }).rollback_phases[0]!;
    expect(cutover.phase_name).toBe('rollback_cutover');
    expect(cutover.steps.map((s) => s.script_content)).toEqual([
      'aws elbv2 modify-rule --rule-arn {rule_arn} --actions Type=forward,TargetGroupArn={original_target_group}',
      expect.stringContaining('kubectl rollout undo deployment/{service_name}'),
      'Execute validation checklist for this phase',
    ]);
    expect(cutover.prerequisites).toContain('Traffic redirection capabilities confirmed');
    expect(cutover.communication_requirements).toContain('Immediate notification when traffic is redirected');
  });

  it("carries the spec's three rollback triggers exactly, its alert thresholds as alerts, and no generic trigger", () => {
    const runbook = createRunbook(registry, createPlan(registry, exampleSpec('sample_service_migration.json'), { clock }), { clock });
    const fromSpec = runbook.trigger_conditions.filter((t) => t.trigger_id.startsWith('spec_trigger_'));
    expect(fromSpec.map((t) => [t.metric_threshold, t.evaluation_window_minutes, t.action, t.auto_execute])).toEqual([
      [{ metric: 'error_rate', operator: 'greater_than', value: 0.1, duration_minutes: 5 }, 5, 'automatic_rollback', true],
      [{ metric: 'response_time_p95', operator: 'greater_than', value: 500, duration_minutes: 10 }, 10, 'alert_team', false],
      [{ metric: 'cpu_utilization', operator: 'greater_than', value: 0.95, duration_minutes: 5 }, 5, 'scale_up', false],
    ]);
    expect(fromSpec[0]!.condition).toBe('error_rate > 0.1 for 5 minutes → automatic_rollback');
    const alerts = runbook.trigger_conditions.filter((t) => t.trigger_id.startsWith('spec_alert_'));
    expect(alerts.map((t) => [t.metric_threshold!.metric, t.metric_threshold!.value])).toEqual([
      ['error_rate', 0.05],
      ['response_time_p95', 250],
      ['cpu_utilization', 0.8],
      ['memory_utilization', 0.85],
    ]);
    expect(runbook.trigger_conditions.filter((t) => t.source === 'generic')).toEqual([]);
    // The type's own triggers stay for metrics the spec does not cover; its CPU trigger gives way to the spec's.
    const own = runbook.trigger_conditions.filter((t) => t.source === 'type').map((t) => t.trigger_id);
    expect(own).toEqual(['memory_leak_detected', 'pod_restart_loop', 'client_error_spike']);
  });

  it('turns the flags off and routes each endpoint back in the phases that changed them, timed from the plan', () => {
    const plan = createPlan(registry, exampleSpec('sample_service_migration.json'), { clock });
    const runbook = createRunbook(registry, plan, { clock });
    expect(runbook.rollback_phases.map((p) => p.phase_name)).toEqual([
      'rollback_decommission',
      'rollback_validation',
      'rollback_gradual_migration',
      'rollback_intercept',
      'rollback_preparation',
    ]);
    const gradual = runbook.rollback_phases[2]!;
    expect(gradual.steps.map((s) => s.name)).toEqual([
      'Turn enable_new_auth_endpoints off',
      'Turn enable_new_user_service off',
      'Validate rollback completion',
    ]);
    expect(gradual.steps[1]!.undoes).toBe('flag-enable_new_user_service');
    expect(gradual.estimated_duration_minutes).toBe(14);
    const intercept = runbook.rollback_phases[3]!;
    expect(intercept.steps.filter((s) => s.undoes).map((s) => s.name)[0]).toBe('Route POST /api/v1/users/logout back to the legacy service');
    expect(intercept.steps.filter((s) => s.undoes)).toHaveLength(9);
    // The plan's rollback estimates are the runbook's.
    expect(plan.rollback_plan.rollback_phases.map((p) => p.estimated_time_minutes)).toEqual(runbook.rollback_phases.map((p) => p.estimated_duration_minutes));
  });

  it('adds the service recovery plan and consumer notice, and lists the placeholders left to fill', () => {
    const runbook = createRunbook(registry, createPlan(registry, exampleSpec('sample_service_migration.json'), { clock }), { clock });
    expect(runbook.data_recovery_plan.recovery_method).toBe('deployment_state_restore');
    expect(runbook.validation_checklist).toContain('Confirm feature flags are in correct state');
    const notice = runbook.communication_templates.find((c) => c.audience === 'api_consumers')!;
    expect(notice.subject).toContain('New User Service (Node.js + TypeScript)');
    expect(notice.body).not.toContain('{migration_name}');
    // What the plan knows is filled in; what it cannot know is listed, with where it is used.
    const open = runbook.open_placeholders!.map((p) => p.placeholder);
    expect(open).toEqual(expect.arrayContaining(['rollback_reason', 'incident_commander', 'start_time']));
    expect(open).not.toContain('affected_services');
    // Path parameters of endpoints (/users/{id}) in the routing steps are not placeholders.
    expect(open).not.toContain('id');
    expect(open).not.toContain('estimated_duration');
    expect(runbook.communication_templates.find((c) => c.audience === 'business')!.body).toContain('Affected Services: payment_service, order_service,');
    const reason = runbook.open_placeholders!.find((p) => p.placeholder === 'rollback_reason')!;
    expect(reason.used_in).toContain('communication_templates[0].body');
  });
});
