import type { MetricGate, MigrationPlan, PlanPhase, PlanWarning } from '../documents/plan.js';
import { MigrationSpecSchema, type MigrationSpec } from '../documents/spec.js';
import { validateDocument } from '../documents/validate-document.js';
import { InputDataError } from '../errors/errors.js';
import { contentId } from '../identity/content-id.js';
import { systemClock, type Clock } from '../identity/clock.js';
import type { PlanStepInput } from '../plugin/contract-types.js';
import type { PluginRegistry } from '../plugin/registry.js';
import { scheduleOnCalendar } from './calendar/calendar-schedule.js';
import { specCalendars } from './calendar/spec-calendars.js';
import { assessComplexity } from './complexity.js';
import { downtimeWarnings, outages } from './downtime-budget.js';
import { buildRollouts, flagHosts, flagSteps } from './feature-flag-rollouts.js';
import { describeGate, metricTriggers, monitoringGates } from './metric-gates.js';
import { splitHours } from './phase-durations.js';
import { scheduleGraph } from './phase-graph.js';
import { sizePhases } from './phase-sizing.js';
import { resolvePhaseSources, type PhaseSource } from './phase-sources.js';
import { DEFAULT_PHASE_RESOURCES, DEFAULT_PHASE_ROLLBACK_TRIGGERS } from './plan-defaults.js';
import { placeSteps, toPlanStep, typeWork } from './plan-steps.js';
import { patternWarnings } from './pattern-fit.js';
import { buildRollbackPlan } from './rollback-plan.js';
import { assessRisks, riskMatrix } from './risk-assessment.js';
import { parseSpecFields, reviewSpec } from './spec-review.js';
import { specFacts } from './spec-facts.js';

/** A spec names a migration type that no loaded plugin provides. */
export class UnknownMigrationTypeError extends InputDataError {
  constructor(
    readonly migrationType: string,
    loaded: string[],
    path = 'type',
  ) {
    super(`no loaded plugin provides migration type "${migrationType}" (${loaded.length ? `loaded types: ${loaded.join(', ')}` : 'no plugins are loaded'})`, {
      path,
    });
  }
}

export interface PlanOptions {
  clock?: Clock | undefined;
  /** The spec's file name, for errors about it. */
  file?: string | undefined;
  /** The absolute folder relative paths in the spec resolve against (the spec file's folder); default the current directory. */
  directory?: string | undefined;
  /** Put the plan on the calendar from this instant: phases and steps get start and end times. */
  start?: Date | undefined;
  /** Spec fields no loaded plugin reads are an error (65) instead of a plan warning. */
  strict?: boolean | undefined;
}

function requireType(registry: PluginRegistry, type: string, path: string, file: string | undefined) {
  const definition = registry.migrationType(type);
  if (!definition)
    throw new UnknownMigrationTypeError(
      type,
      registry.migrationTypes().map((t) => t.id),
      path,
    ).withFile(file);
  return definition;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const iso = (ms: number) => new Date(ms).toISOString();

function flagTask(spec: MigrationSpec, flagIndex: number): string {
  const flag = spec.feature_flags![flagIndex]!;
  const stages = (flag.rollout_schedule ?? [{ percentage: 100, duration_hours: 0 }]).map((s) =>
    s.duration_hours ? `${s.percentage}% (${s.duration_hours} h)` : `${s.percentage}%`,
  );
  return `Roll out ${flag.name}: ${stages.join(' → ')}, moving on only while the gates hold`;
}

/** Turns a validated spec into a phased plan, from whatever the registry's plugins contribute and everything the spec says. */
export function createPlan(registry: PluginRegistry, input: MigrationSpec, options: PlanOptions = {}): MigrationPlan {
  const clock = options.clock ?? systemClock;
  const file = options.file;
  // Library callers may pass anything: the planner reads only what the schema let through.
  const spec = validateDocument(MigrationSpecSchema, input, file ?? 'spec', 'a migration spec');
  const type = requireType(registry, spec.type, 'type', file);
  const warnings: PlanWarning[] = reviewSpec(registry, spec, { file: file ?? 'spec', strict: options.strict }).map((w) => ({
    code: 'unknown-field',
    message: w.message,
    path: w.path,
  }));
  // The type's own functions get its declared fields parsed (defaults, transforms); core reads the spec.
  const typed = parseSpecFields(registry, spec, file ?? 'spec');
  const { complexity } = assessComplexity(spec);
  const sources = resolvePhaseSources(registry, type, spec, complexity, file);
  const origin = { file: file ?? null, directory: options.directory ?? process.cwd() };
  const facts = specFacts(registry, typed, origin);
  const calendars = specCalendars(spec, file);
  const maxDowntime = spec.constraints?.max_downtime_minutes ?? null;
  if (sources.pattern) warnings.push(...patternWarnings(sources.pattern, facts, maxDowntime));

  // Work: the type's steps for this spec, and a step per feature flag in the phase its rollout starts in.
  const hosts = flagHosts(spec, sources.phases, file);
  warnings.push(...hosts.warnings);
  const work = typeWork(type, typed, {
    origin,
    pattern: sources.pattern?.id ?? null,
    phases: sources.phases.map((p) => ({ name: p.name, template: p.template?.id ?? null })),
    facts,
    maxDowntimeMinutes: maxDowntime,
  });
  warnings.push(...work.warnings);
  const steps: PlanStepInput[] = [...work.steps, ...flagSteps(spec, hosts.hosts)];
  const shares = splitHours(
    sources.totalHours,
    sources.phases.map((p) => p.weight),
  );
  const placed = placeSteps(steps, sources.phases, shares);
  warnings.push(...placed.warnings);
  const sized = sizePhases(sources, placed.byPhase);
  warnings.push(...sized.warnings);
  warnings.push(...downtimeWarnings(outages(sources.phases, placed.byPhase), maxDowntime, calendars.window));

  const graph = scheduleGraph(sources.phases.map((p, i) => ({ name: p.name, hours: sized.sizes[i]!.hours, dependencies: p.dependencies })));
  const gates = monitoringGates(spec);
  const triggers = metricTriggers(spec);
  const gatedFrom = gateStart(sources.phases, hosts.hosts, graph.timing);

  const phases: PlanPhase[] = sources.phases.map((source, i) => {
    const template = source.template;
    const size = sized.sizes[i]!;
    const timing = graph.timing.get(source.name)!;
    const phaseGates: MetricGate[] = timing.start >= gatedFrom ? gates : [];
    const flagTasks = hosts.hosts.flatMap((host, f) => (host === source.name ? [flagTask(spec, f)] : []));
    const tasks = template ? [...template.tasks] : [source.description];
    return {
      name: source.name,
      description: source.description,
      duration_hours: size.hours,
      dependencies: [...source.dependencies],
      validation_criteria: [
        ...(template ? template.validationCriteria : [`${source.name} complete: ${source.description}`]),
        ...(phaseGates.length ? [`Metrics within alert thresholds: ${phaseGates.map(describeGate).join(', ')}`] : []),
      ],
      rollback_triggers: [...(template?.rollbackTriggers ?? (type.genericAdditions.triggers ? DEFAULT_PHASE_ROLLBACK_TRIGGERS : []))],
      tasks: [...tasks, ...flagTasks],
      risk_level: template?.riskLevel ?? 'medium',
      resources_required: [...(type.genericAdditions.resources ? DEFAULT_PHASE_RESOURCES : []), ...(template?.resourcesRequired ?? [])],
      origin: source.origin,
      template: template?.id ?? null,
      duration_basis: size.basis,
      work_minutes: round2(size.workMinutes),
      downtime_minutes: round2(size.downtimeMinutes),
      steps: (placed.byPhase.get(source.name) ?? []).map(toPlanStep),
      gates: phaseGates,
      start_offset_hours: round2(timing.start),
      end_offset_hours: round2(timing.end),
      on_critical_path: timing.onCriticalPath,
      parallel_with: timing.parallelWith,
    };
  });

  const starts = new Map([...graph.timing].map(([name, t]) => [name, t.start]));
  // The phase that ends the migration: rollouts must reach their last stage before it starts.
  const finalName = graph.criticalPath.at(-1)!;
  const rollouts = buildRollouts(spec, hosts.hosts, starts, { name: finalName, start: graph.timing.get(finalName)!.start }, gates, triggers);
  warnings.push(...rollouts.warnings);

  const risks = assessRisks(registry, typed, facts);
  const plan: MigrationPlan = {
    migration_id: contentId(spec),
    source_system: spec.source,
    target_system: spec.target,
    migration_type: spec.type,
    migration_pattern: sources.pattern?.id ?? null,
    complexity,
    estimated_duration_hours: round2(graph.totalHours),
    phases,
    risks,
    success_criteria: [...type.successCriteria],
    rollback_plan: buildRollbackPlan(registry, spec.type, phases, triggers),
    stakeholders: [...type.stakeholders],
    created_at: clock().toISOString(),
    description: spec.description ?? null,
    critical_path: graph.criticalPath,
    max_downtime_minutes: maxDowntime,
    affected_systems: [...(spec.constraints?.dependencies ?? [])],
    scope: scopeOf(steps),
    assumptions: work.assumptions,
    feature_flag_rollouts: rollouts.rollouts,
    monitoring: spec.monitoring ? { critical_metrics: [...(spec.monitoring.critical_metrics ?? [])], gates } : null,
    schedule: null,
    risk_matrix: riskMatrix(risks),
    warnings,
  };
  if (options.start) placeOnCalendar(plan, options.start, sources.phases, graph.order, calendars);
  return plan;
}

/** Gates apply from the first phase that moves traffic on (before it, the old path serves everyone); without one, everywhere. */
function gateStart(phases: PhaseSource[], hosts: (string | null)[], timing: Map<string, { start: number }>): number {
  const traffic = phases.filter((p) => p.shiftsTraffic || hosts.includes(p.name)).map((p) => timing.get(p.name)!.start);
  return traffic.length ? Math.min(...traffic) : 0;
}

function scopeOf(steps: PlanStepInput[]): NonNullable<MigrationPlan['scope']> {
  const seen = new Map<string, { kind: string; name: string; detail: string | null }>();
  for (const step of steps) {
    if (!step.subject) continue;
    const key = `${step.subject.kind}\u0000${step.subject.name}`;
    const known = seen.get(key);
    if (!known) seen.set(key, { kind: step.subject.kind, name: step.subject.name, detail: step.subject.detail ?? null });
    else if (!known.detail && step.subject.detail) known.detail = step.subject.detail;
  }
  return [...seen.values()];
}

function placeOnCalendar(plan: MigrationPlan, start: Date, sources: PhaseSource[], order: string[], calendars: ReturnType<typeof specCalendars>): void {
  const byName = new Map(plan.phases.map((p) => [p.name, p]));
  const sourceByName = new Map(sources.map((s) => [s.name, s]));
  const result = scheduleOnCalendar({
    start: start.getTime(),
    businessHours: calendars.businessHours,
    window: calendars.window,
    phases: order.map((name) => {
      const phase = byName.get(name)!;
      const source = sourceByName.get(name)!;
      return {
        name,
        hours: phase.duration_hours,
        dependencies: phase.dependencies,
        needsWindow: source.needsWindow,
        disruptive: source.disruptive,
        steps: (phase.steps ?? []).map((s) => ({ id: s.id, name: s.name, minutes: s.duration_minutes, downtime: s.downtime, disruptive: s.disruptive })),
      };
    }),
  });
  for (const phase of plan.phases) {
    const span = result.phases.get(phase.name)!;
    phase.start = iso(span.start);
    phase.end = iso(span.end);
    for (const step of phase.steps ?? []) {
      const s = result.steps.get(step.id)!;
      step.start = iso(s.start);
      step.end = iso(s.end);
    }
  }
  for (const rollout of plan.feature_flag_rollouts ?? []) {
    if (!rollout.phase) continue;
    const phaseStart = result.phases.get(rollout.phase)!.start;
    const offset = byName.get(rollout.phase)!.start_offset_hours!;
    for (const stage of rollout.stages) {
      stage.start = iso(phaseStart + (stage.start_offset_hours - offset) * 3_600_000);
      stage.end = iso(phaseStart + (stage.end_offset_hours - offset) * 3_600_000);
    }
  }
  plan.schedule = {
    start: iso(start.getTime()),
    end: iso(result.end),
    calendar_hours: round2((result.end - start.getTime()) / 3_600_000),
    business_hours: calendars.businessHours?.describe() ?? null,
    migration_window: calendars.window?.describe() ?? null,
    notes: [
      'Phase hours are elapsed (wall-clock) hours; steps that stop traffic wait for the migration window, disruptive steps pause during business hours.',
      ...result.notes,
    ],
  };
}
