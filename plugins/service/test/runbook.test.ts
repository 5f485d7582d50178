import { createPlan, createRegistry, createRunbook, PluginSchema, RollbackRunbookSchema } from '@migration-architect/core';
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
    const plugin = PluginSchema.parse(service());
    for (const phase of plugin.phases) expect(registry.rollbacksFor('service', phase.id).length, phase.id).toBeGreaterThan(0);
  });

  it('rolls the sample cutover back through the load balancer and the deployment (the seed\'s steps)', () => {
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

  it('adds the service triggers, recovery plan and consumer notice', () => {
    const runbook = createRunbook(registry, createPlan(registry, exampleSpec('sample_service_migration.json'), { clock }), { clock });
    expect(runbook.trigger_conditions.map((t) => t.trigger_id)).toEqual(
      expect.arrayContaining(['cpu_utilization_spike', 'memory_leak_detected', 'pod_restart_loop', 'client_error_spike']),
    );
    expect(runbook.data_recovery_plan.recovery_method).toBe('deployment_state_restore');
    expect(runbook.validation_checklist).toContain('Confirm feature flags are in correct state');
    const notice = runbook.communication_templates.find((c) => c.audience === 'api_consumers')!;
    expect(notice.subject).toContain('New User Service (Node.js + TypeScript)');
    expect(notice.body).not.toContain('{migration_name}');
  });
});
