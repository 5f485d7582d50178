import { runPluginCode } from '../plugin/plugin-code.js';
import { qualifiedId } from '../plugin/qualified-id.js';
import { InputDataError } from '../errors/errors.js';
import type { MigrationPlan, PlanPhase, PlanRollback, RiskItem } from '../documents/plan.js';
import type { MigrationSpec } from '../documents/spec.js';
import type { Complexity } from '../documents/levels.js';
import { contentId } from '../identity/content-id.js';
import { systemClock, type Clock } from '../identity/clock.js';
import type { MigrationTypeDefinition } from '../plugin/contract.js';
import type { PluginRegistry } from '../plugin/registry.js';
import { assessComplexity } from './complexity.js';
import { splitHours } from './phase-durations.js';
import {
  DEFAULT_PHASE_RESOURCES,
  DEFAULT_PHASE_ROLLBACK_TRIGGERS,
  PLAN_ROLLBACK_TRIGGERS,
  ROLLBACK_CONTACTS,
  ROLLBACK_DECISION_MATRIX,
  ROLLBACK_MINUTES_PER_PHASE_HOUR,
} from './plan-defaults.js';

/** A spec names a migration type that no loaded plugin provides. */
export class UnknownMigrationTypeError extends InputDataError {
  constructor(
    readonly migrationType: string,
    loaded: string[],
    path = 'type',
  ) {
    super(
      `no loaded plugin provides migration type "${migrationType}" (${loaded.length ? `loaded types: ${loaded.join(', ')}` : 'no plugins are loaded'})`,
      { path },
    );
  }
}

export interface PlanOptions {
  clock?: Clock | undefined;
  /** The spec's file name, for errors about it. */
  file?: string | undefined;
}

function requireType(registry: PluginRegistry, type: string, path: string, file: string | undefined) {
  const definition = registry.migrationType(type);
  if (!definition) throw new UnknownMigrationTypeError(type, registry.migrationTypes().map((t) => t.id), path).withFile(file);
  return definition;
}

/** Which phases, and how many hours in all, for this spec. */
function resolvePhasePlan(registry: PluginRegistry, type: MigrationTypeDefinition, spec: MigrationSpec, complexity: Complexity, file: string | undefined) {
  if (spec.pattern === undefined) {
    const plan = type.defaultPlan;
    return { pattern: null, phases: plan.phases, totalHours: Math.round(plan.baseDurationHours * plan.complexityMultiplier[complexity]) };
  }
  const pattern = registry.pattern(spec.type, spec.pattern);
  if (!pattern) {
    const known = registry.patterns(spec.type).map((p) => p.id);
    throw new InputDataError(
      `migration type "${spec.type}" has no pattern "${spec.pattern}" (${known.length ? `known: ${known.join(', ')}` : 'its plugin defines no patterns'}; omit "pattern" for the default phases)`,
      { path: 'pattern', file },
    );
  }
  return {
    pattern: pattern.id,
    phases: pattern.phases,
    totalHours: Math.round(pattern.baseDurationHours * pattern.complexityMultiplier[complexity]),
  };
}

function buildRollbackPlan(registry: PluginRegistry, type: string, phases: PlanPhase[]): PlanRollback {
  return {
    rollback_phases: [...phases].reverse().map((phase) => {
      const templated = registry.rollbacksFor(type, phase.name).flatMap((t) => t.steps.map((s) => s.name));
      return {
        phase: phase.name,
        rollback_actions: templated.length
          ? [...templated, `Validate ${phase.name} rollback success`]
          : [`Revert ${phase.name} changes`, `Restore pre-${phase.name} state`, `Validate ${phase.name} rollback success`],
        validation_criteria: [
          `System restored to pre-${phase.name} state`,
          `All ${phase.name} changes successfully reverted`,
          'System functionality confirmed',
        ],
        estimated_time_minutes: phase.duration_hours * ROLLBACK_MINUTES_PER_PHASE_HOUR,
      };
    }),
    rollback_triggers: [...PLAN_ROLLBACK_TRIGGERS],
    rollback_decision_matrix: { ...ROLLBACK_DECISION_MATRIX },
    rollback_contacts: [...ROLLBACK_CONTACTS],
  };
}

/** Turns a validated spec into a phased plan, from whatever the registry's plugins contribute. */
export function createPlan(registry: PluginRegistry, spec: MigrationSpec, options: PlanOptions = {}): MigrationPlan {
  const clock = options.clock ?? systemClock;
  const type = requireType(registry, spec.type, 'type', options.file);
  const { complexity } = assessComplexity(spec);
  const phasePlan = resolvePhasePlan(registry, type, spec, complexity, options.file);
  // The registry guarantees a template for every phase a pattern or default plan names.
  const templates = phasePlan.phases.map((name) => registry.phaseTemplate(spec.type, name)!);
  const hours = splitHours(phasePlan.totalHours, templates.map((t) => t.durationWeight));

  const phases: PlanPhase[] = phasePlan.phases.map((name, i) => {
    const template = templates[i]!;
    return {
      name,
      description: template.description,
      duration_hours: hours[i]!,
      dependencies: i > 0 ? [phasePlan.phases[i - 1]!] : [],
      validation_criteria: [...template.validationCriteria],
      rollback_triggers: [...(template.rollbackTriggers ?? (type.genericAdditions.triggers ? DEFAULT_PHASE_ROLLBACK_TRIGGERS : []))],
      tasks: [...template.tasks],
      risk_level: template.riskLevel,
      resources_required: [...(type.genericAdditions.resources ? DEFAULT_PHASE_RESOURCES : []), ...template.resourcesRequired],
    };
  });

  const risks: RiskItem[] = registry
    .risks(spec.type)
    .filter((risk) => !risk.when || runPluginCode(risk.plugin, `risk ${qualifiedId(risk.namespace, risk.id)}: when()`, () => risk.when!(spec)))
    .map((risk) => ({
      id: qualifiedId(risk.namespace, risk.id),
      category: risk.category,
      description: risk.description,
      probability: risk.probability,
      impact: risk.impact,
      severity: risk.severity,
      mitigation: risk.mitigation,
      owner: risk.owner,
    }));

  return {
    migration_id: contentId(spec),
    source_system: spec.source,
    target_system: spec.target,
    migration_type: spec.type,
    migration_pattern: phasePlan.pattern,
    complexity,
    estimated_duration_hours: hours.reduce((a, b) => a + b, 0),
    phases,
    risks,
    success_criteria: [...type.successCriteria],
    rollback_plan: buildRollbackPlan(registry, spec.type, phases),
    stakeholders: [...type.stakeholders],
    created_at: clock().toISOString(),
  };
}
