import { createPlan, createRegistry, createRunbook, RollbackRunbookSchema } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import infrastructure from '../src/index.js';
import { clock, exampleSpec, spec } from './fixtures.js';

const registry = createRegistry([infrastructure()]);
const patterns = [undefined, ...registry.patterns('infrastructure').map((p) => p.id)];

describe('infrastructure runbooks', () => {
  it.each(patterns.map((p) => [p ?? 'default plan', p] as const))('%s: every phase has real steps before the final validation', (_label, pattern) => {
    const plan = createPlan(registry, spec(pattern ? { pattern } : {}), { clock });
    const runbook = createRunbook(registry, plan, { clock });
    for (const phase of runbook.rollback_phases) {
      expect(phase.steps.length, phase.phase_name).toBeGreaterThanOrEqual(2);
      expect(phase.steps.at(-1)!.step_id).toMatch(/_validate$/);
      for (const step of phase.steps.slice(0, -1)) expect(step.step_id, phase.phase_name).not.toMatch(/_revert$/);
      expect(new Set(phase.steps.map((s) => s.step_id)).size).toBe(phase.steps.length);
    }
    expect(RollbackRunbookSchema.safeParse(runbook).success).toBe(true);
  });

  it("does not give every phase the same steps (the seed's terraform + DNS pair everywhere)", () => {
    const stepSets = registry.phaseTemplateIds('infrastructure').map((phase) =>
      registry
        .rollbacksFor('infrastructure', phase)
        .flatMap((t) => t.steps.map((s) => s.key))
        .join(','),
    );
    expect(stepSets.every((keys) => keys.length > 0)).toBe(true);
    // Only assessment and discovery share steps (both installed the same discovery agents).
    const sharing = Math.max(...stepSets.map((keys) => stepSets.filter((k) => k === keys).length));
    expect(sharing).toBeLessThanOrEqual(2);
    expect(new Set(stepSets).size).toBe(stepSets.length - 1);
  });

  it('plans terraform rollbacks that terraform accepts: -target goes into the plan, not the apply of a saved plan', () => {
    const plan = createPlan(registry, exampleSpec('sample_infrastructure_migration.json'), { clock });
    const runbook = createRunbook(registry, plan, { clock });
    const scripts = runbook.rollback_phases.flatMap((p) => p.steps.map((s) => s.script_content)).filter((s) => s.includes('terraform'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).not.toMatch(/terraform[^&]* apply [^&]*-target/);
  });

  it('adds infrastructure triggers, recovery plan and the network notice', () => {
    const plan = createPlan(registry, exampleSpec('sample_infrastructure_migration.json'), { clock });
    const runbook = createRunbook(registry, plan, { clock });
    expect(runbook.trigger_conditions.map((t) => t.trigger_id)).toEqual(
      expect.arrayContaining(['packet_loss', 'vpn_tunnel_down', 'unhealthy_targets', 'replication_lag', 'dns_resolution_failures']),
    );
    expect(runbook.data_recovery_plan.recovery_method).toBe('infrastructure_state_restore');
    expect(runbook.escalation_matrix['level_2']!.contacts).toContain('network_team_lead');
    const cutover = runbook.rollback_phases[0]!;
    expect(cutover.steps.map((s) => s.name)).toContain('Restore DNS configuration');
    expect(runbook.communication_templates.some((c) => c.audience === 'network_operations_and_partners')).toBe(true);
    // The spec's alert thresholds are alerts on their real metrics; the type's rollback triggers stay beside them.
    const alerts = runbook.trigger_conditions.filter((t) => t.source === 'spec');
    expect(alerts.map((t) => t.condition)).toEqual([
      'replication_lag_seconds > 300 for 5 minutes (window assumed: alert thresholds give none) → alert_team',
      'packet_loss_ratio > 0.01 for 5 minutes (window assumed: alert thresholds give none) → alert_team',
      'healthy_host_ratio < 0.9 for 5 minutes (window assumed: alert thresholds give none) → alert_team',
    ]);
    // No rollback_triggers in the spec: core's generic triggers are there, marked as such.
    expect(runbook.trigger_conditions.filter((t) => t.source === 'generic').map((t) => t.name)).toEqual([
      'Error Rate Spike (generic: the spec gives no rollback_triggers)',
      'Response Time Degradation (generic: the spec gives no rollback_triggers)',
      'Service Availability Drop (generic: the spec gives no rollback_triggers)',
    ]);
  });

  it('switches each wave back in the phase that cut it over', () => {
    const plan = createPlan(registry, exampleSpec('sample_infrastructure_migration.json'), { clock });
    const runbook = createRunbook(registry, plan, { clock });
    const pilot = runbook.rollback_phases.find((p) => p.phase_name === 'rollback_pilot')!;
    expect(pilot.steps[0]!.name).toBe('Switch wave_1_pilot back to the source');
    const cutover = runbook.rollback_phases.find((p) => p.phase_name === 'rollback_cutover')!;
    expect(cutover.steps.slice(0, 2).map((s) => s.name)).toEqual(['Switch wave_3 back to the source', 'Switch wave_2 back to the source']);
  });
});
