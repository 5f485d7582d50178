import { describe, expect, it } from 'vitest';
import { createPlan, createRegistry, createRunbook, fixedClock, RollbackRunbookSchema } from '../src/index.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

const clock = fixedClock(new Date(0));
const registry = createRegistry([toyPlugin()]);
const plan = createPlan(registry, { type: 'toy', pattern: 'careful', source: 'Old box', target: 'New box' }, { clock });

describe('rollback generator', () => {
  const runbook = createRunbook(registry, plan, { clock });

  it('produces a valid runbook with phases in reverse order', () => {
    expect(RollbackRunbookSchema.parse(runbook)).toEqual(runbook);
    expect(runbook.rollback_phases.map((p) => p.phase_name)).toEqual(['rollback_move', 'rollback_copy', 'rollback_prepare']);
    expect(runbook.runbook_id).toMatch(/^rb_[0-9a-f]{8}$/);
  });

  it('uses the plugin steps for a phase, chains their dependencies and ends with validation', () => {
    const [move] = runbook.rollback_phases;
    expect(move!.steps.map((s) => s.name)).toEqual(['Stop moving', 'Return toys', 'Validate rollback completion']);
    expect(move!.steps.map((s) => s.rollback_order)).toEqual([1, 2, 3]);
    expect(move!.steps[1]!.dependencies).toEqual([move!.steps[0]!.step_id]);
    expect(move!.steps[2]!.dependencies).toEqual([move!.steps[0]!.step_id, move!.steps[1]!.step_id]);
    expect(move!.urgency_level).toBe('emergency');
  });

  it('gives a phase no plugin knows a manual revert step instead of nothing', () => {
    const copy = runbook.rollback_phases[1]!;
    expect(copy.steps[0]!.name).toBe('Revert copy changes');
    expect(copy.steps[0]!.script_type).toBe('manual');
  });

  it('adds type triggers to the generic ones and fills the placeholders the plan answers', () => {
    expect(runbook.trigger_conditions.map((t) => t.trigger_id)).toEqual(['error_rate_spike', 'response_time_degradation', 'availability_drop', 'toy-missing']);
    const start = runbook.communication_templates.find((c) => c.template_type === 'rollback_start' && c.audience === 'technical')!;
    expect(start.subject).toBe('ROLLBACK INITIATED: Old box → New box');
    expect(start.body).toContain(`Rollback ID: ${runbook.runbook_id}`);
    expect(start.body).toContain('{rollback_reason}');
    expect(runbook.validation_checklist.at(-1)).toBe('Toys are where they were');
  });

  it("fills plan-known placeholders in step scripts too, and leaves the operator's ones", () => {
    expect(runbook.rollback_phases[0]!.steps[0]!.script_content).toBe(`truck stop --ticket ${plan.migration_id} --driver {driver}`);
  });

  it('is reproducible: same plan and clock, same runbook', () => {
    expect(createRunbook(registry, structuredClone(plan), { clock })).toEqual(runbook);
  });

  it('refuses a plan of a type no plugin provides', () => {
    expect(() => createRunbook(createRegistry([]), plan)).toThrowError(/migration type "toy"/);
  });
});
