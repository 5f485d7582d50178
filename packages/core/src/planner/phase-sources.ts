import type { Complexity } from '../documents/levels.js';
import type { MigrationSpec } from '../documents/spec.js';
import { InputDataError, PluginError } from '../errors/errors.js';
import type { MigrationTypeDefinition, PatternDefinition, PhaseTemplate } from '../plugin/contract-types.js';
import type { Owned, PluginRegistry } from '../plugin/registry.js';
import { findCycle } from './phase-graph.js';

/** A phase of the plan before sizing: where it comes from and what it follows. */
export interface PhaseSource {
  name: string;
  origin: 'spec' | 'pattern' | 'default';
  template: Owned<PhaseTemplate> | null;
  description: string;
  /** Hours the spec gives, or null. */
  specHours: number | null;
  /** `migration_phases[2]`, for messages; null for pattern phases. */
  specPath: string | null;
  dependencies: string[];
  weight: number;
  sizedBy: 'pattern' | 'steps';
  shiftsTraffic: boolean;
  needsWindow: boolean;
  disruptive: boolean;
}

export interface PhaseSources {
  pattern: Owned<PatternDefinition> | null;
  /** base × complexity multiplier of the pattern (or the type's default plan). */
  totalHours: number;
  /** `base 24 h × 4 (critical)`, for duration bases. */
  totalBasis: string;
  phases: PhaseSource[];
}

function fromTemplate(template: Owned<PhaseTemplate>) {
  return {
    weight: template.durationWeight,
    sizedBy: template.sizedBy,
    shiftsTraffic: template.shiftsTraffic,
    needsWindow: template.needsWindow,
    disruptive: template.disruptive,
  };
}

function patternOf(registry: PluginRegistry, spec: MigrationSpec, file: string | undefined): Owned<PatternDefinition> | null {
  if (spec.pattern === undefined) return null;
  const pattern = registry.pattern(spec.type, spec.pattern);
  if (!pattern) {
    const known = registry.patterns(spec.type).map((p) => p.id);
    throw new InputDataError(
      `migration type "${spec.type}" has no pattern "${spec.pattern}" (${known.length ? `known: ${known.join(', ')}` : 'its plugin defines no patterns'}; omit "pattern" for the default phases)`,
      { path: 'pattern', file },
    );
  }
  return pattern;
}

/**
 * The plan's phases: the spec's own `migration_phases` when it lists them (their names,
 * descriptions, hours and dependencies; tasks and gates from the type's template of the same
 * name, or the one named by `template`), otherwise the pattern's, otherwise the type's defaults.
 * Dependencies must name phases of the plan and form no cycle (input error, 65).
 */
export function resolvePhaseSources(
  registry: PluginRegistry,
  type: Owned<MigrationTypeDefinition>,
  spec: MigrationSpec,
  complexity: Complexity,
  file: string | undefined,
): PhaseSources {
  const pattern = patternOf(registry, spec, file);
  const plan = pattern ?? type.defaultPlan;
  const multiplier = plan.complexityMultiplier[complexity];
  const totalHours = Math.round(plan.baseDurationHours * multiplier);
  const totalBasis = `${pattern ? `pattern ${pattern.id}` : 'default plan'}: base ${plan.baseDurationHours} h × ${multiplier} (${complexity})`;

  let phases: PhaseSource[];
  if (spec.migration_phases?.length) {
    const names = spec.migration_phases.map((p) => p.phase);
    phases = spec.migration_phases.map((p, i) => {
      const specPath = `migration_phases[${i}]`;
      const duplicate = names.indexOf(p.phase);
      if (duplicate !== i)
        throw new InputDataError(`phase "${p.phase}" is listed twice (also migration_phases[${duplicate}])`, { file, path: `${specPath}.phase` });
      let template: Owned<PhaseTemplate> | null = null;
      if (p.template !== undefined) {
        template = registry.phaseTemplate(spec.type, p.template) ?? null;
        if (!template) {
          const known = registry.phaseTemplateIds(spec.type);
          throw new InputDataError(`migration type "${spec.type}" has no phase template "${p.template}" (known: ${known.join(', ')})`, {
            file,
            path: `${specPath}.template`,
          });
        }
      } else {
        template = registry.phaseTemplate(spec.type, p.phase) ?? null;
      }
      (p.depends_on ?? []).forEach((dep, j) => {
        if (!names.includes(dep)) {
          throw new InputDataError(`depends on "${dep}", which is not a phase of this spec (phases: ${names.join(', ')})`, {
            file,
            path: `${specPath}.depends_on[${j}]`,
          });
        }
      });
      const flags = template ? fromTemplate(template) : { weight: 1, sizedBy: 'pattern' as const, shiftsTraffic: false, needsWindow: false, disruptive: false };
      return {
        name: p.phase,
        origin: 'spec' as const,
        template,
        description: p.description ?? template?.description ?? p.phase,
        specHours: p.estimated_duration_hours ?? null,
        specPath,
        dependencies: p.depends_on ?? (i > 0 ? [names[i - 1]!] : []),
        ...flags,
        needsWindow: p.needs_window ?? flags.needsWindow,
        disruptive: p.disruptive ?? flags.disruptive,
      };
    });
    const cycle = findCycle(phases);
    if (cycle) {
      const at = phases.findIndex((p) => p.name === cycle[0]);
      throw new InputDataError(`phase dependencies form a cycle: ${cycle.join(' → ')}`, { file, path: `migration_phases[${at}].depends_on` });
    }
  } else {
    const dependencies = pattern?.dependencies ?? {};
    phases = plan.phases.map((name, i) => {
      // The registry guarantees a template for every phase a pattern or default plan names.
      const template = registry.phaseTemplate(spec.type, name)!;
      return {
        name,
        origin: pattern ? ('pattern' as const) : ('default' as const),
        template,
        description: template.description,
        specHours: null,
        specPath: null,
        dependencies: dependencies[name] ?? (i > 0 ? [plan.phases[i - 1]!] : []),
        ...fromTemplate(template),
      };
    });
    const cycle = findCycle(phases);
    if (cycle)
      throw new PluginError(
        `plugin "${pattern?.plugin ?? type.plugin}": phase dependencies of ${pattern ? `pattern "${pattern.id}"` : `the default plan of "${type.id}"`} form a cycle: ${cycle.join(' → ')}`,
      );
  }
  return { pattern, totalHours, totalBasis, phases };
}
