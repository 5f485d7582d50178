import type { SpecFactRef } from '../documents/plan.js';
import { groupedNumber } from '../numbers/grouped-number.js';
import type { MigrationSpec } from '../documents/spec.js';
import { MigrationArchitectError } from '../errors/errors.js';
import type { SpecFact, SpecOrigin } from '../plugin/contract-types.js';
import { runPluginCode } from '../plugin/plugin-code.js';
import type { PluginRegistry } from '../plugin/registry.js';

/** Above this many GB a data move is large whatever the type (the seed's risk threshold). */
const LARGE_DATA_VOLUME_GB = 5000;
/** More dependents than this need a coordinated communication plan. */
const MANY_DEPENDENTS = 5;

/**
 * The type-agnostic facts of a spec. Only what the spec states counts: a missing
 * max_downtime_minutes is not a zero-downtime requirement.
 */
export function coreFacts(spec: MigrationSpec): SpecFact[] {
  const facts: SpecFact[] = [];
  const c = spec.constraints ?? {};
  if (c.max_downtime_minutes !== undefined && c.max_downtime_minutes < 60) {
    facts.push({
      id: 'zero-downtime',
      path: 'constraints.max_downtime_minutes',
      value: c.max_downtime_minutes,
      statement: `at most ${c.max_downtime_minutes} minutes of downtime: only online techniques fit`,
    });
  }
  if (c.data_volume_gb !== undefined && c.data_volume_gb > LARGE_DATA_VOLUME_GB) {
    facts.push({
      id: 'large-data-volume',
      path: 'constraints.data_volume_gb',
      value: c.data_volume_gb,
      statement: `${groupedNumber(c.data_volume_gb)} GB to move (over ${groupedNumber(LARGE_DATA_VOLUME_GB)})`,
    });
  }
  if (c.compliance_requirements?.length) {
    facts.push({
      id: 'compliance',
      path: 'constraints.compliance_requirements',
      value: c.compliance_requirements,
      statement: `regulated data: ${c.compliance_requirements.join(', ')}`,
    });
  }
  if (c.dependencies && c.dependencies.length > MANY_DEPENDENTS) {
    facts.push({
      id: 'many-dependents',
      path: 'constraints.dependencies',
      value: c.dependencies.length,
      statement: `${c.dependencies.length} dependent systems`,
    });
  }
  const bc = spec.business_continuity;
  if (bc?.preferred_migration_window) {
    facts.push({
      id: 'migration-window',
      path: 'business_continuity.preferred_migration_window',
      value: bc.preferred_migration_window,
      statement: 'a preferred migration window is set',
    });
  }
  if (bc?.critical_business_hours) {
    facts.push({
      id: 'business-hours',
      path: 'business_continuity.critical_business_hours',
      value: bc.critical_business_hours,
      statement: 'critical business hours are set',
    });
  }
  if (spec.feature_flags?.length) {
    facts.push({
      id: 'feature-flags',
      path: 'feature_flags',
      value: spec.feature_flags.map((f) => f.name),
      statement: `traffic moves behind ${spec.feature_flags.length} feature flag(s)`,
    });
  }
  return facts;
}

/** Ids of core's own facts: a plugin's facts may not reuse them, or a risk could not tell whose fact raised it. */
export const CORE_FACT_IDS = [
  'zero-downtime',
  'large-data-volume',
  'compliance',
  'many-dependents',
  'migration-window',
  'business-hours',
  'feature-flags',
] as const;

/** A spec given in memory: relative paths in it resolve against the current directory. */
export const IN_MEMORY_ORIGIN = (): SpecOrigin => ({ file: null, directory: process.cwd() });

/** Core's facts and the migration type's, in that order. `origin` says where the spec was read from. */
export function specFacts(registry: PluginRegistry, spec: MigrationSpec, origin: SpecOrigin = IN_MEMORY_ORIGIN()): SpecFact[] {
  const type = registry.migrationType(spec.type);
  const own = type?.facts ? runPluginCode(type.plugin, `migration type ${type.id}: facts()`, () => type.facts!(spec, origin)) : [];
  const clash = own.find((fact) => (CORE_FACT_IDS as readonly string[]).includes(fact.id));
  if (clash && type) {
    throw new MigrationArchitectError(
      `plugin "${type.plugin}": migration type ${type.id}: facts() returned a fact with id "${clash.id}", which core reserves for its own facts (${CORE_FACT_IDS.join(', ')}); give the fact an id of your own`,
      70,
    );
  }
  return [...coreFacts(spec), ...own];
}

/** `constraints.max_downtime_minutes: 15` */
export function describeFactValue(fact: { path: string; value?: unknown }): string {
  if (fact.value === undefined) return fact.path;
  const value = typeof fact.value === 'string' ? fact.value : JSON.stringify(fact.value);
  return `${fact.path}: ${value.length > 80 ? `${value.slice(0, 77)}...` : value}`;
}

export function factRef(fact: SpecFact): SpecFactRef {
  return { fact: fact.id, path: fact.path, ...(fact.value !== undefined ? { value: fact.value } : {}), statement: fact.statement };
}
