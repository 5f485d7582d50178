import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixtures, tempDir } from './harness.js';

/**
 * A spec of our own for each built-in pattern family, each plan checked for the facts it must
 * carry, and one end-to-end calendar run. The specs live in test/fixtures/specs/.
 */
const specFile = (name: string) => join(fixtures, 'specs', `${name}.json`);

interface Step {
  id: string;
  name: string;
  duration_minutes: number;
  estimate: string | null;
  downtime: boolean;
  disruptive: boolean;
  script: string | null;
  start?: string;
  end?: string;
  rollback: { name: string; script: string | null } | null;
}
interface Phase {
  name: string;
  duration_hours: number;
  duration_basis: string;
  steps: Step[];
  start?: string;
  end?: string;
  parallel_with: string[];
}
interface Plan {
  estimated_duration_hours: number;
  critical_path: string[];
  phases: Phase[];
  risks: { id: string; raised_by: { fact: string; path: string; value?: unknown }[] }[];
  warnings: { code: string; message: string; path: string | null }[];
  scope: { kind: string; name: string; detail: string | null }[];
  feature_flag_rollouts: { flag: string; phase: string; stages: { percentage: number; hold_hours: number }[] }[];
  schedule: { start: string; end: string; notes: string[] } | null;
}

async function planOf(name: string, ...extra: string[]): Promise<Plan> {
  const result = await cli(['plan', specFile(name), ...extra]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Plan;
}

const phase = (plan: Plan, name: string) => plan.phases.find((p) => p.name === name)!;
const raisedBy = (plan: Plan, id: string) => plan.risks.find((r) => r.id === id)?.raised_by.map((f) => f.fact);

describe('a cross-region database move out of the monolith (data_migration)', () => {
  it('names its tables, sizes the copy from them, and keeps the cutover to its steps', async () => {
    const plan = await planOf('cross-region-database-move');
    expect(plan.scope.map((s) => s.name)).toEqual(['orders', 'order_items', 'order_status_history']);
    const copy = phase(plan, 'bulk_copy').steps.find((s) => s.id === 'copy-orders')!;
    // The spec's own throughput (25 MB/s) sizes the copy.
    expect(copy.estimate).toBe('150,000 MB ÷ 25 MB/s (copy_mb_per_second) = 1.7 h');
    // The cutover is its steps' 1.75 h, not a 24-hour share of the pattern.
    expect(phase(plan, 'cutover').duration_hours).toBe(1.75);
    expect(phase(plan, 'validation').parallel_with).toEqual(['delta_sync']);
    expect(raisedBy(plan, 'database/cross-region-transfer')).toEqual(['cross-region']);
    expect(raisedBy(plan, 'database/major-version-upgrade')).toEqual(['major-version-change']);
    // 77.4 minutes of outage (2 + 5 + 0.75 + 500 million critical rows counted twice at 250,000 rows/s + 3) fit the
    // 120-minute budget and the 2-hour window: no warning.
    const outage = phase(plan, 'cutover')
      .steps.filter((s) => s.downtime)
      .reduce((sum, s) => sum + s.duration_minutes, 0);
    expect(outage).toBeCloseTo(2 + 5 + 0.75 + (500_000_000 * 2) / 250_000 / 60 + 3, 1);
    expect(plan.warnings).toEqual([]);
  });

  it("gives a runbook with the spec's triggers, per-table undo steps and a recovery of those tables only, in minutes, not days", async () => {
    const dir = tempDir();
    const planPath = join(dir, 'plan.json');
    writeFileSync(planPath, (await cli(['plan', specFile('cross-region-database-move')])).stdout);
    const runbook = JSON.parse((await cli(['rollback', planPath])).stdout);
    expect(
      runbook.trigger_conditions
        .filter((t: { source: string }) => t.source === 'spec')
        .map((t: { condition: string }) => t.condition)
        .slice(0, 2),
    ).toEqual(['error_rate > 0.05 for 5 minutes → automatic_rollback', 'replication_lag_seconds > 300 for 10 minutes → alert_team']);
    expect(runbook.trigger_conditions.some((t: { source: string }) => t.source === 'generic')).toBe(false);
    expect(runbook.data_recovery_plan.scope).toEqual(['orders', 'order_items', 'order_status_history']);
    expect(runbook.data_recovery_plan.recovery_method).toBe('table_restore');
    const bulk = runbook.rollback_phases.find((p: { phase_name: string }) => p.phase_name === 'rollback_bulk_copy');
    expect(bulk.steps[0].script_content).toContain('ALTER PUBLICATION migration_pub DROP TABLE order_status_history;');
    // Every rollback phase is timed by its steps: the whole rollback takes hours at most, not 4,320 minutes a phase.
    expect(runbook.estimated_total_minutes).toBeLessThan(600);
    expect(runbook.open_placeholders.map((p: { placeholder: string }) => p.placeholder)).toContain('rollback_reason');
  });

  it('runs end to end on the calendar: the outage in the Sunday window, nothing disruptive in business hours', async () => {
    const plan = await planOf('cross-region-database-move', '--start', '2026-12-05T09:00Z');
    // Business hours 07:00–20:00 Europe/Berlin, Monday to Saturday; the window 01:00–03:00 Berlin on Sundays.
    // The plan runs from 5 to 14 December, when Berlin is UTC+1 throughout: a literal, not the planner's own zone code.
    const berlin = (iso: string) => {
      const local = new Date(Date.parse(iso) + 60 * 60_000);
      return { day: local.getUTCDay(), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60 };
    };
    const inBusinessHours = (iso: string) => {
      const { day, minutes } = berlin(iso);
      return day !== 0 && minutes > 7 * 60 && minutes < 20 * 60;
    };
    const steps = plan.phases.flatMap((p) => p.steps);
    for (const step of steps.filter((s) => s.downtime)) {
      const [start, end] = [berlin(step.start!), berlin(step.end!)];
      expect(start.day, step.id).toBe(0);
      expect(start.minutes, step.id).toBeGreaterThanOrEqual(60);
      expect(end.minutes, step.id).toBeLessThanOrEqual(180);
    }
    expect(phase(plan, 'cutover').steps[0]!.start).toBe('2026-12-13T00:00:00.000Z');
    for (const step of steps.filter((s) => s.disruptive)) {
      expect(inBusinessHours(step.start!), `${step.id} starts ${step.start}`).toBe(false);
      expect(inBusinessHours(step.end!), `${step.id} ends ${step.end}`).toBe(false);
    }
    // Phases last their work plus a buffer, so the copy of order_items is reached on Sunday night, outside business hours.
    expect(phase(plan, 'bulk_copy').steps.find((s) => s.id === 'copy-order_items')!.start).toBe('2026-12-06T22:20:00.000Z');
    expect(plan.schedule!.notes).toContain(
      'cutover: Stop writes: pause the connection pool, Wait for replication to catch up, Copy sequence values to the target, Compare row counts of the critical tables (orders, order_items), Point the pool at the target and resume wait 126 h for the migration window (01:00–03:00 Europe/Berlin (sun))',
    );
    const markdown = (await cli(['plan', specFile('cross-region-database-move'), '--start', '2026-12-05T09:00Z', '--format', 'markdown'])).stdout;
    expect(markdown).toContain('    cutover (1.75 h) :crit, p5, 2026-12-13 00:00, 2026-12-13 01:45');
  });
});

describe('a monolith split (strangler_fig)', () => {
  it('routes endpoint by endpoint, rolls reads out by flag, and flags the endpoint left behind', async () => {
    const plan = await planOf('monolith-split');
    // The facade first sends everything to the monolith (intercept); the routes move in redirect, with the flag.
    expect(phase(plan, 'intercept').steps).toEqual([]);
    expect(phase(plan, 'redirect').steps.map((s) => s.name)).toEqual([
      'Route GET /api/v1/orders/{id} → GET /api/v2/orders/{id}',
      'Route POST /api/v1/orders → POST /api/v2/orders',
      'Route POST /api/v1/orders/{id}/cancel → POST /api/v2/orders/{id}/cancel',
      'Turn on orders_service_reads at 1%',
    ]);
    expect(plan.warnings.map((w) => [w.code, w.path])).toEqual([['endpoint-without-replacement', 'service_details.legacy_service.endpoints[3]']]);
    expect(raisedBy(plan, 'service/orphaned-endpoints')).toEqual(['endpoint-without-replacement']);
    expect(plan.feature_flag_rollouts[0]).toMatchObject({ flag: 'orders_service_reads', phase: 'redirect' });
    expect(phase(plan, 'validate').steps.map((s) => s.name)).toEqual(['Load test the new service at 1800 requests/s']);
  });

  it('makes `patterns recommend` favour the strangler fig and rule out blue-green for it', async () => {
    const result = JSON.parse((await cli(['patterns', 'recommend', specFile('monolith-split'), '--json'])).stdout);
    expect(result.facts.map((f: { id: string }) => f.id)).toContain('splits-monolith');
    const ranked = result.recommendations.map((r: { pattern: string; match: string }) => `${r.pattern}:${r.match}`);
    expect(ranked[0]).toBe('strangler_fig:exact');
    expect(ranked.at(-1)).toBe('blue_green:contradicted');
  });

  it('warns when the spec chooses blue-green for it', async () => {
    const dir = tempDir();
    const file = join(dir, 'split.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse((await import('node:fs')).readFileSync(specFile('monolith-split'), 'utf8')), pattern: 'blue_green' }));
    const { stderr, stdout } = await cli(['plan', file]);
    expect(stderr).toContain('pattern blue_green does not fit this spec: blue-green switches a whole service at once');
    expect(JSON.parse(stdout).warnings.map((w: { code: string }) => w.code)).toContain('pattern-contradiction');
  });
});

describe('a cloud cutover (on_prem_to_cloud)', () => {
  it('cuts the pilot wave over in pilot and the rest in cutover, each in the Sunday window, and sizes the transfers', async () => {
    const plan = await planOf('cloud-cutover', '--start', '2026-12-05T09:00Z');
    expect(phase(plan, 'pilot').steps.map((s) => s.name)).toEqual(['Cut over pilot (wiki)']);
    expect(phase(plan, 'cutover').steps.map((s) => s.name)).toEqual(['Cut over core (crm, erp) in Sun 01:00-03:00 CET']);
    // The 45-minute budget caps each wave's outage.
    expect(phase(plan, 'cutover').steps[0]!.duration_minutes).toBe(45);
    for (const name of ['pilot', 'cutover']) expect(new Date(phase(plan, name).steps[0]!.start!).getUTCDay(), name).toBe(0);
    expect(phase(plan, 'migration').steps.map((s) => s.estimate)).toEqual([
      '921,600 MB ÷ 200 MB/s (transfer_mb_per_second) = 76.8 min',
      '4,096,000 MB ÷ 200 MB/s (transfer_mb_per_second) = 5.7 h',
    ]);
    expect(raisedBy(plan, 'infrastructure/zero-downtime')).toEqual(['zero-downtime']);
  });
});

describe('a zero-downtime column type change (schema_change)', () => {
  it('converts through a new column: expand, backfill sized from the rows, swap; nothing stops traffic', async () => {
    const plan = await planOf('zero-downtime-column-type');
    expect(phase(plan, 'expand').steps[0]!.script).toContain('ALTER TABLE payments ADD COLUMN amount_cents_new bigint;');
    const backfill = phase(plan, 'migrate').steps[0]!;
    expect(backfill.estimate).toBe('800,000,000 rows ÷ 5,000 rows/s (backfill_rows_per_second) = 44.4 h');
    expect(phase(plan, 'migrate').duration_basis).toMatch(/^its 3 step\(s\): 2773.3 min \+ buffer 1386.7 min \(50% of the work, at least 15 min\) = 4160 min/);
    expect(phase(plan, 'contract').steps[0]!.script).toContain('ALTER TABLE payments RENAME COLUMN amount_cents_new TO amount_cents;');
    expect(plan.phases.flatMap((p) => p.steps).filter((s) => s.downtime)).toEqual([]);
    expect(raisedBy(plan, 'database/table-rewrite-lock')).toEqual(['table-rewrite']);
    expect(plan.warnings).toEqual([]);
  });
});

describe('the spec read in full', () => {
  it('warns about a misspelt field with what it probably meant, and fails on it with --strict (65)', async () => {
    const dir = tempDir();
    const file = join(dir, 'spec.json');
    writeFileSync(
      file,
      JSON.stringify({ type: 'database', pattern: 'data_migration', source: 'a', target: 'b', constraints: { max_downtime_minute: 15 }, tables_to_migrat: [] }),
    );
    const loose = await cli(['plan', file]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('unknown field "constraints.max_downtime_minute" (did you mean "max_downtime_minutes"?)');
    expect(loose.stderr).toContain('unknown field "tables_to_migrat" (did you mean "tables_to_migrate"?)');
    expect(JSON.parse(loose.stdout).warnings.filter((w: { code: string }) => w.code === 'unknown-field')).toHaveLength(2);
    const strict = await cli(['plan', file, '--strict']);
    expect(strict.code).toBe(65);
    expect(strict.stderr).toBe(
      `migration-architect: error: ${file}: tables_to_migrat: unknown field "tables_to_migrat" (did you mean "tables_to_migrate"?); no loaded plugin reads it (and 1 more)\n`,
    );
  });

  it("publishes every field in `schema spec`: core's for every type, and both shapes of a field two types declare", async () => {
    const schema = JSON.parse((await cli(['schema', 'spec'])).stdout);
    for (const field of [
      'migration_phases',
      'feature_flags',
      'monitoring',
      'rollback_triggers',
      'business_continuity',
      'tables_to_migrate',
      'schema_changes',
      'service_details',
      'waves',
    ]) {
      expect(schema.properties, field).toHaveProperty(field);
    }
    const throughput = schema.properties.throughput.anyOf.map((s: { description: string; properties: object }) => [
      s.description.match(/\(type: (\w+)\)$/)![1],
      Object.keys(s.properties)[0],
    ]);
    expect(throughput).toEqual([
      ['database', 'copy_mb_per_second'],
      ['infrastructure', 'transfer_mb_per_second'],
    ]);
  });

  it('refuses a --start without a zone (64)', async () => {
    const result = await cli(['plan', specFile('cloud-cutover'), '--start', '2026-12-05T09:00']);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(
      'migration-architect: error: --start must be a date and time with a zone, such as 2026-12-05T09:00Z or 2026-12-05T10:00+01:00; got "2026-12-05T09:00"\n',
    );
  });

  it('refuses spec fields of the wrong shape, naming the path (65)', async () => {
    const dir = tempDir();
    const file = join(dir, 'spec.json');
    writeFileSync(
      file,
      JSON.stringify({ type: 'service', source: 'a', target: 'b', business_continuity: { preferred_migration_window: { start: '2am', end: '04:00' } } }),
    );
    const result = await cli(['plan', file]);
    expect(result.code).toBe(65);
    expect(result.stderr).toBe(
      `migration-architect: error: ${file}: business_continuity.preferred_migration_window.start: expected a time of day as HH:MM (24-hour clock)\n`,
    );
  });
});
