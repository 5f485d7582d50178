import { describe, expect, it } from 'vitest';
import { createPlan, createRegistry, createRunbook, fixedClock, recommendPatterns, specFacts, type MigrationSpec } from '../src/index.js';
import { DailyWindowCalendar } from '../src/planner/calendar/daily-window.js';
import { zoneOffsetMinutes } from '../src/planner/calendar/zone-offset.js';
import { planningPlugin } from './fixtures/planning-plugin.js';

const clock = fixedClock(new Date('2026-01-02T03:04:05Z'));
const registry = createRegistry([planningPlugin()]);
const plan = (spec: Record<string, unknown>, start?: string) =>
  createPlan(registry, { type: 'crate', source: 'Old yard', target: 'New yard', ...spec } as MigrationSpec, {
    clock,
    file: 'spec.json',
    start: start ? new Date(start) : undefined,
  });
const byName = (p: ReturnType<typeof plan>, name: string) => p.phases.find((x) => x.name === name)!;

describe('phases as a dependency graph', () => {
  it('runs phases in parallel where the pattern allows, and totals the critical path, not the sum', () => {
    const result = plan({ pattern: 'fork' });
    expect(result.phases.map((p) => [p.name, p.duration_hours, p.start_offset_hours, p.end_offset_hours])).toEqual([
      ['prepare', 10, 0, 10],
      ['copy', 10, 10, 20],
      ['check', 10, 20, 30],
      // Sized by its steps: a 30-minute outage and 10 minutes to reopen, not its 10-hour share.
      ['switch', 0.75, 20, 20.75],
    ]);
    expect(byName(result, 'switch').duration_basis).toBe('sum of its steps: 40 min, rounded up to the quarter hour');
    expect(byName(result, 'check').parallel_with).toEqual(['switch']);
    expect(result.critical_path).toEqual(['prepare', 'copy', 'check']);
    expect(result.estimated_duration_hours).toBe(30);
  });

  it("gives a phase its steps' work plus a stated buffer, with the arithmetic, not a share of the pattern's hours", () => {
    const result = plan({ items: 900 });
    const copy = byName(result, 'copy');
    expect(copy.duration_hours).toBe(22.5);
    expect(copy.duration_basis).toBe(
      'its 1 step(s): 900 min + buffer 450 min (50% of the work, at least 15 min) = 1350 min, rounded up to the quarter hour = 22.5 h',
    );
    // Short work gets the minimum buffer; the share (10 h) plays no part.
    const short = byName(plan({ items: 20 }), 'copy');
    expect([short.duration_hours, short.duration_basis]).toEqual([
      0.75,
      'its 1 step(s): 20 min + buffer 15 min (50% of the work, at least 15 min) = 35 min, rounded up to the quarter hour = 0.75 h',
    ]);
    expect(copy.steps![0]).toMatchObject({ id: 'copy-crates', duration_minutes: 900, estimate: '900 crates × 1 min', disruptive: true });
    expect(result.scope).toEqual([{ kind: 'crate', name: 'all', detail: null }]);
  });

  it("keeps the spec's own phases: names, descriptions, hours and dependencies, with tasks and steps from the template each names", () => {
    const result = plan({
      items: 100,
      migration_phases: [
        { phase: 'load', description: 'Load the lorries', template: 'copy', estimated_duration_hours: 5 },
        { phase: 'verify', estimated_duration_hours: 2 },
        { phase: 'go', template: 'switch', depends_on: ['load'] },
      ],
    });
    expect(result.phases.map((p) => [p.name, p.origin, p.template, p.duration_hours, p.dependencies])).toEqual([
      ['load', 'spec', 'copy', 5, []],
      ['verify', 'spec', null, 2, ['load']],
      ['go', 'spec', 'switch', 0.75, ['load']],
    ]);
    expect(byName(result, 'load').description).toBe('Load the lorries');
    expect(byName(result, 'load').steps!.map((s) => s.id)).toEqual(['copy-crates']);
    expect(byName(result, 'verify').tasks).toEqual(['verify']);
    expect(byName(result, 'go').parallel_with).toEqual(['verify']);
    expect(result.estimated_duration_hours).toBe(7);
  });

  it('warns when the spec gives a phase fewer hours than its steps need', () => {
    const result = plan({ items: 600, migration_phases: [{ phase: 'copy', estimated_duration_hours: 4 }, { phase: 'switch' }] });
    expect(result.warnings!.find((w) => w.code === 'work-exceeds-phase')).toEqual({
      code: 'work-exceeds-phase',
      message: 'copy: its steps need 10 h, more than the 4 h the spec gives it',
      path: 'migration_phases[0].estimated_duration_hours',
    });
  });

  it('refuses a dependency cycle with its path, an unknown dependency and an unknown template (input errors, 65)', () => {
    const cycle = () =>
      plan({
        migration_phases: [
          { phase: 'a', depends_on: ['c'] },
          { phase: 'b', depends_on: ['a'] },
          { phase: 'c', depends_on: ['b'] },
        ],
      });
    expect(cycle).toThrowError('phase dependencies form a cycle: a → b → c → a');
    try {
      cycle();
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(65);
      expect((error as { describe(): string }).describe()).toBe('spec.json: migration_phases[0].depends_on: phase dependencies form a cycle: a → b → c → a');
    }
    expect(() => plan({ migration_phases: [{ phase: 'a' }, { phase: 'b', depends_on: ['z'] }] })).toThrowError(
      'depends on "z", which is not a phase of this spec (phases: a, b)',
    );
    expect(() => plan({ migration_phases: [{ phase: 'a', template: 'teleport' }] })).toThrowError(
      'migration type "crate" has no phase template "teleport" (known: prepare, copy, check, switch)',
    );
    expect(() => plan({ migration_phases: [{ phase: 'a' }, { phase: 'a' }] })).toThrowError('phase "a" is listed twice (also migration_phases[0])');
  });

  it('places a step whose phase the plan lacks in the longest later phase, with a warning', () => {
    const result = plan({
      migration_phases: [
        { phase: 'one', estimated_duration_hours: 1 },
        { phase: 'two', estimated_duration_hours: 3 },
        { phase: 'three', estimated_duration_hours: 2 },
      ],
    });
    expect(byName(result, 'two').steps!.map((s) => s.id)).toEqual(['close-doors', 'open-doors']);
    expect(result.warnings!.filter((w) => w.code === 'step-without-phase').map((w) => w.path)).toEqual([
      'migration_phases[1].template',
      'migration_phases[1].template',
    ]);
  });
});

describe('facts, risks and patterns', () => {
  it('names the facts that raise a risk, and warns where the pattern contradicts them', () => {
    const result = plan({ pattern: 'fork', target: 'Yard abroad', constraints: { max_downtime_minutes: 10 } });
    expect(result.risks.map((r) => [r.id, r.raised_by!.map((f) => `${f.path}: ${JSON.stringify(f.value)}`)])).toEqual([
      ['crate/customs', ['target: "Yard abroad"']],
      ['crate/rush', ['constraints.max_downtime_minutes: 10']],
    ]);
    expect(result.warnings!.filter((w) => w.code === 'pattern-contradiction').map((w) => w.message)).toEqual([
      'pattern fork does not fit this spec: forks do not cross borders (target: Yard abroad: the crates leave the country)',
      'pattern fork is meant for migrations that can stop traffic for a while; this spec allows 10 minutes of downtime (patterns recommend lists better fits)',
    ]);
    expect(result.warnings!.find((w) => w.code === 'customs')).toEqual({ code: 'customs', message: 'customs papers needed', path: 'target' });
    expect(result.risk_matrix).toEqual([
      { probability: 'high', impact: 'low', risks: ['crate/rush'] },
      { probability: 'medium', impact: 'high', risks: ['crate/customs'] },
    ]);
  });

  it('lets `patterns recommend` rank by the same facts: favoured first, contradicted last', () => {
    const spec = { type: 'crate', source: 'a', target: 'Yard abroad' } as MigrationSpec;
    const ranked = recommendPatterns(registry, { type: 'crate', complexity: 'low', downtime: 'some', facts: specFacts(registry, spec) });
    expect(ranked.map((r) => [r.pattern.id, r.match])).toEqual([
      ['ship', 'exact'],
      ['fork', 'contradicted'],
    ]);
    expect(ranked[0]!.facts).toEqual(['+ ships cross borders (target: Yard abroad)']);
    expect(ranked[1]!.facts).toEqual(['− forks do not cross borders (target: Yard abroad)']);
    const plain = recommendPatterns(registry, { type: 'crate', complexity: 'low', downtime: 'some' });
    expect(plain.map((r) => r.pattern.id)).toEqual(['fork', 'ship']);
  });
});

describe('feature flags, gates and triggers', () => {
  const flags = {
    pattern: 'fork',
    feature_flags: [
      {
        name: 'new_doors',
        rollout_schedule: [
          { percentage: 10, duration_hours: 4 },
          { percentage: 50, duration_hours: 4 },
          { percentage: 100, duration_hours: 0 },
        ],
      },
    ],
    monitoring: { alert_thresholds: { error_rate: 0.02, healthy_host_ratio: 0.9 } },
    rollback_triggers: [{ metric: 'error_rate', threshold: 0.05, duration_minutes: 3, action: 'automatic_rollback' }],
  };

  it('starts a rollout in the phase that shifts traffic, gated by the alert thresholds (floors for ratios of healthy hosts)', () => {
    const result = plan(flags);
    const rollout = result.feature_flag_rollouts![0]!;
    expect(rollout.phase).toBe('check');
    expect(rollout.stages.map((s) => [s.percentage, s.start_offset_hours, s.end_offset_hours])).toEqual([
      [10, 20, 24],
      [50, 24, 28],
      [100, 28, 28],
    ]);
    expect(rollout.stages[0]!.gates.map((g) => `${g.metric} ${g.operator} ${g.value}`)).toEqual(['error_rate at_most 0.02', 'healthy_host_ratio at_least 0.9']);
    expect(rollout.stages[0]!.abort_when).toEqual(['error_rate > 0.05 for 3 min → automatic_rollback']);
    expect(result.phases.map((p) => p.gates!.length)).toEqual([0, 0, 2, 2]);
    expect(result.rollback_plan.metric_triggers!.map((t) => `${t.metric} ${t.operator} ${t.threshold} ${t.action} ${t.source}`)).toEqual([
      'error_rate greater_than 0.05 automatic_rollback rollback_triggers[0]',
      'error_rate greater_than 0.02 alert_team monitoring.alert_thresholds.error_rate',
      'healthy_host_ratio less_than 0.9 alert_team monitoring.alert_thresholds.healthy_host_ratio',
    ]);
    expect(result.rollback_plan.rollback_triggers[0]).toBe('error_rate > 0.05 for 3 min → automatic_rollback (spec rollback_triggers[0])');
  });

  it('refuses a flag naming a phase the plan lacks, and warns on a rollout that never reaches 100%', () => {
    expect(() => plan({ ...flags, feature_flags: [{ name: 'x', phase: 'nowhere' }] })).toThrowError(
      'names phase "nowhere", which this plan does not have (phases: prepare, copy, check, switch)',
    );
    const partial = plan({ ...flags, feature_flags: [{ name: 'x', rollout_schedule: [{ percentage: 30, duration_hours: 1 }] }] });
    expect(partial.warnings!.map((w) => w.code)).toContain('rollout-incomplete');
  });

  it("turns the runbook's triggers into the spec's, keeps the type's for other metrics, and drops the generic ones", () => {
    const runbook = createRunbook(registry, plan(flags), { clock });
    expect(runbook.trigger_conditions.map((t) => [t.trigger_id, t.source, t.action, t.auto_execute])).toEqual([
      ['spec_trigger_1_error_rate', 'spec', 'automatic_rollback', true],
      ['spec_alert_error_rate', 'spec', 'alert_team', false],
      ['spec_alert_healthy_host_ratio', 'spec', 'alert_team', false],
      ['crate-loss', 'type', 'automatic_rollback', true],
    ]);
  });

  it('uses the generic triggers only when the spec gives none, marked as generic', () => {
    const runbook = createRunbook(registry, plan({}), { clock });
    expect(runbook.trigger_conditions.filter((t) => t.source === 'generic').map((t) => t.name)).toEqual([
      'Error Rate Spike (generic: the spec gives no rollback_triggers)',
      'Response Time Degradation (generic: the spec gives no rollback_triggers)',
      'Service Availability Drop (generic: the spec gives no rollback_triggers)',
    ]);
  });

  it("undoes each phase's steps in its rollback, newest first, with the plan's minutes", () => {
    const result = plan({ ...flags, items: 30 });
    const runbook = createRunbook(registry, result, { clock });
    const check = runbook.rollback_phases.find((p) => p.phase_name === 'rollback_check')!;
    expect(check.steps.map((s) => [s.name, s.estimated_duration_minutes, s.undoes ?? null])).toEqual([
      ['Turn new_doors off', 2, 'flag-new_doors'],
      ['Validate rollback completion', 10, null],
    ]);
    expect(check.steps[0]!.script_content).toContain('"percentage": 0');
    const copy = runbook.rollback_phases.find((p) => p.phase_name === 'rollback_copy')!;
    expect(copy.steps[0]!.name).toBe('Uncopy crates');
    expect(copy.estimated_duration_minutes).toBe(17);
    expect(result.rollback_plan.rollback_phases.map((p) => p.estimated_time_minutes)).toEqual(runbook.rollback_phases.map((p) => p.estimated_duration_minutes));
    expect(runbook.estimated_total_minutes).toBe(runbook.rollback_phases.reduce((s, p) => s + p.estimated_duration_minutes, 0));
  });
});

describe('downtime against the budget and the window', () => {
  it('warns when an outage is longer than max_downtime_minutes or than the migration window', () => {
    const result = plan({
      outage_minutes: 90,
      constraints: { max_downtime_minutes: 60 },
      business_continuity: { preferred_migration_window: { start: '01:00', end: '02:00' } },
    });
    expect(result.warnings!.filter((w) => w.code !== 'unknown-field')).toEqual([
      {
        code: 'downtime-over-budget',
        message: 'switch: steps that stop traffic take 90 min (Close the doors 90), more than constraints.max_downtime_minutes: 60',
        path: 'constraints.max_downtime_minutes',
      },
      {
        code: 'window-too-short',
        message: 'switch: steps that stop traffic take 90 min, longer than the 60-minute migration window (01:00–02:00 UTC)',
        path: 'business_continuity.preferred_migration_window',
      },
    ]);
    expect(byName(result, 'switch').downtime_minutes).toBe(90);
  });

  it('refuses an unknown time zone, naming the field', () => {
    expect(() => plan({ business_continuity: { critical_business_hours: { start: '08:00', end: '18:00', timezone: 'Mars/Olympus' } } })).toThrowError(
      'unknown time zone "Mars/Olympus" (expected UTC, an offset such as +01:00, or an IANA zone such as Europe/Berlin)',
    );
  });
});

describe('the calendar (--start)', () => {
  const business = {
    critical_business_hours: { start: '08:00', end: '18:00', timezone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    preferred_migration_window: { start: '01:00', end: '03:00', timezone: 'Europe/Berlin', days: ['sat', 'sun'] },
  };

  it('pauses disruptive work in business hours and puts the outage in the next weekend window', () => {
    // Monday 06:00 UTC. The copy (20 h of disruptive work) may not run in business hours; the outage needs the window.
    const result = plan({ items: 1200, business_continuity: business }, '2026-12-07T06:00Z');
    const span = (name: string) => [byName(result, name).start, byName(result, name).end];
    expect(span('prepare')).toEqual(['2026-12-07T06:00:00.000Z', '2026-12-07T16:00:00.000Z']);
    // Waits for 18:00, runs 14 h to Tuesday 08:00, pauses for the day, finishes the last 6 h by midnight.
    expect(span('copy')).toEqual(['2026-12-07T18:00:00.000Z', '2026-12-09T00:00:00.000Z']);
    // Saturday 01:00 in Berlin is 00:00 UTC in winter; the doors reopen right after the outage.
    const [close, open] = byName(result, 'switch').steps!;
    expect([close!.start, close!.end]).toEqual(['2026-12-12T00:00:00.000Z', '2026-12-12T00:30:00.000Z']);
    expect([open!.start, open!.end]).toEqual(['2026-12-12T00:30:00.000Z', '2026-12-12T00:40:00.000Z']);
    expect(result.schedule).toEqual({
      start: '2026-12-07T06:00:00.000Z',
      end: '2026-12-12T00:45:00.000Z',
      calendar_hours: 114.75,
      business_hours: '08:00–18:00 UTC (mon, tue, wed, thu, fri)',
      migration_window: '01:00–03:00 Europe/Berlin (sat, sun)',
      notes: [
        'Phase hours are elapsed (wall-clock) hours; steps that stop traffic wait for the migration window, disruptive steps pause during business hours.',
        'copy: Copy 1200 crates waits 2 h for business hours (08:00–18:00 UTC (mon, tue, wed, thu, fri)) to end',
        'copy: Copy 1200 crates pauses during business hours 1 time(s)',
        'switch: Close the doors wait 72 h for the migration window (01:00–03:00 Europe/Berlin (sat, sun))',
      ],
    });
    // The estimate is the phases' hours (the copy: 20 h of work + a 10 h buffer); the calendar shows the waits.
    expect(result.estimated_duration_hours).toBe(10 + 30 + 0.75);
  });

  it('keeps outages out of business hours when there is no window', () => {
    const result = plan({ outage_minutes: 60, business_continuity: { critical_business_hours: { start: '06:00', end: '23:00' } } }, '2026-12-07T00:00Z');
    const close = byName(result, 'switch').steps![0]!;
    // Ready Monday 20:00 UTC, inside business hours: the hour-long outage starts at 23:00.
    expect([close.start, close.end]).toEqual(['2026-12-07T23:00:00.000Z', '2026-12-08T00:00:00.000Z']);
  });
});

describe('daily windows', () => {
  it('follow daylight saving time in their zone', () => {
    expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 0, 15))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 6, 15))).toBe(120);
    expect(zoneOffsetMinutes('-05:30', 0)).toBe(-330);
    const summer = new DailyWindowCalendar({ start: '01:00', end: '03:00', timezone: 'Europe/Berlin' });
    expect(new Date(summer.slotFor(Date.UTC(2026, 6, 15, 12), 30).start).toISOString()).toBe('2026-07-15T23:00:00.000Z');
  });

  it('close the next day when they end before they start, and refuse what does not fit', () => {
    const night = new DailyWindowCalendar({ start: '22:00', end: '02:00' });
    expect(night.minutes).toBe(240);
    expect(new Date(night.slotFor(Date.UTC(2026, 0, 1, 23), 60).start).toISOString()).toBe('2026-01-01T23:00:00.000Z');
    // 90 minutes no longer fit after 01:00: the next night.
    expect(new Date(night.slotFor(Date.UTC(2026, 0, 2, 1), 90).start).toISOString()).toBe('2026-01-02T22:00:00.000Z');
    expect(night.slotFor(Date.UTC(2026, 0, 2, 1), 300)).toEqual({ start: Date.UTC(2026, 0, 2, 1), fits: false });
  });
});
