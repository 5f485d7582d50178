import { describe, expect, it } from 'vitest';
import { assessComplexity, createPlan, createRegistry, fixedClock, MigrationPlanSchema, UnknownMigrationTypeError } from '../src/index.js';
import { splitHours } from '../src/planner/phase-durations.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

const clock = fixedClock(new Date('2026-01-02T03:04:05Z'));
const registry = createRegistry([toyPlugin()]);

describe('complexity', () => {
  it('scores the seed database sample as critical (2 + 1 + 3 + 3 = 9)', () => {
    const result = assessComplexity({
      type: 'database',
      source: 'a',
      target: 'b',
      constraints: { max_downtime_minutes: 30, data_volume_gb: 2500, dependencies: ['a', 'b', 'c', 'd', 'e'], special_requirements: ['x', 'y', 'z'] },
    });
    expect(result).toEqual({ complexity: 'critical', score: 9, factors: { data_volume: 2, dependencies: 1, downtime: 3, special_requirements: 3 } });
  });

  it('treats a missing downtime constraint as 480 minutes (no points)', () => {
    expect(assessComplexity({ type: 't', source: 'a', target: 'b' })).toMatchObject({ complexity: 'low', score: 0 });
  });

  it.each([
    [{ data_volume_gb: 101, max_downtime_minutes: 239 }, 'medium'],
    [{ data_volume_gb: 10001, max_downtime_minutes: 59 }, 'high'],
    [{ data_volume_gb: 100, max_downtime_minutes: 480 }, 'low'],
  ])('thresholds are strict: %o → %s', (constraints, expected) => {
    expect(assessComplexity({ type: 't', source: 'a', target: 'b', constraints }).complexity).toBe(expected);
  });
});

describe('phase durations', () => {
  it('add up to the total instead of losing the remainder', () => {
    expect(splitHours(96, [1, 1, 1, 1, 1])).toEqual([20, 19, 19, 19, 19]);
    expect(splitHours(3, [1, 1, 1, 1, 1])).toEqual([1, 1, 1, 0, 0]);
  });

  it("share the hours by the phase templates' weights", () => {
    expect(splitHours(100, [1, 3, 1])).toEqual([20, 60, 20]);
    expect(splitHours(10, [1, 2])).toEqual([3, 7]);
  });
});

describe('planner', () => {
  const spec = { type: 'toy', pattern: 'careful', source: 'Old box', target: 'New box', constraints: { data_volume_gb: 50 } };

  it('builds a valid plan from the pattern, with the conditional risk only when its condition holds', () => {
    const plan = createPlan(registry, spec, { clock });
    expect(MigrationPlanSchema.parse(plan)).toEqual(plan);
    expect(plan.phases.map((p) => p.name)).toEqual(['prepare', 'copy', 'move']);
    expect(plan.complexity).toBe('low');
    expect(plan.estimated_duration_hours).toBe(24);
    expect(plan.phases.map((p) => p.dependencies)).toEqual([[], ['prepare'], ['copy']]);
    expect(plan.risks.map((r) => r.id)).toEqual(['toy/always', 'toy/big-volume']);
    expect(createPlan(registry, { ...spec, constraints: { data_volume_gb: 5 } }, { clock }).risks.map((r) => r.id)).toEqual(['toy/always']);
    expect(plan.created_at).toBe('2026-01-02T03:04:05.000Z');
  });

  it('uses the type default phases when the spec names no pattern', () => {
    const plan = createPlan(registry, { type: 'toy', source: 'a', target: 'b' }, { clock });
    expect(plan.migration_pattern).toBeNull();
    expect(plan.phases.map((p) => p.name)).toEqual(['prepare', 'move']);
  });

  it('reverses phases in the rollback plan, with templated actions where a plugin has them', () => {
    const plan = createPlan(registry, spec, { clock });
    expect(plan.rollback_plan.rollback_phases.map((p) => p.phase)).toEqual(['move', 'copy', 'prepare']);
    expect(plan.rollback_plan.rollback_phases[0]!.rollback_actions).toEqual(['Stop moving', 'Return toys', 'Validate rollback completion']);
    expect(plan.rollback_plan.rollback_phases[1]!.rollback_actions[0]).toBe('Revert copy changes');
  });

  it('derives the id from the content: same spec, same id; other spec, other id', () => {
    const a = createPlan(registry, spec, { clock });
    const b = createPlan(registry, JSON.parse(JSON.stringify(spec)), { clock: fixedClock(new Date(0)) });
    const c = createPlan(registry, { ...spec, target: 'Other box' }, { clock });
    expect(a.migration_id).toMatch(/^[0-9a-f]{12}$/);
    expect(b.migration_id).toBe(a.migration_id);
    expect(c.migration_id).not.toBe(a.migration_id);
  });

  it('fails on an unknown type naming what is loaded, and on an unknown pattern naming the known ones', () => {
    expect(() => createPlan(registry, { type: 'messaging', source: 'a', target: 'b' })).toThrowError(UnknownMigrationTypeError);
    expect(() => createPlan(createRegistry([]), { type: 'toy', source: 'a', target: 'b' })).toThrowError(/no plugins are loaded/);
    expect(() => createPlan(registry, { ...spec, pattern: 'reckless' })).toThrowError(/has no pattern "reckless" \(known: careful/);
  });
});
