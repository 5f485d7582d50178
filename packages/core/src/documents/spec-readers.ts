import type { MigrationSpec } from './spec.js';

/** A spec's constraints with the defaults every engine and plugin assumes (the seed's). */
export interface SpecConstraints {
  /** 480 when unset: the seed treats a missing tolerance as an 8-hour window. */
  maxDowntimeMinutes: number;
  dataVolumeGb: number;
  dependencies: string[];
  complianceRequirements: string[];
  specialRequirements: string[];
}

export function specConstraints(spec: MigrationSpec): SpecConstraints {
  const c = spec.constraints ?? {};
  return {
    maxDowntimeMinutes: c.max_downtime_minutes ?? 480,
    dataVolumeGb: c.data_volume_gb ?? 0,
    dependencies: c.dependencies ?? [],
    complianceRequirements: c.compliance_requirements ?? [],
    specialRequirements: c.special_requirements ?? [],
  };
}

/**
 * A spec field core does not validate (`tables_to_migrate`, `feature_flags`, ...) as a list:
 * empty unless the user wrote an array. Risk conditions read such fields and must never throw.
 */
export function specExtraList(spec: MigrationSpec, key: string): unknown[] {
  const value = (spec as Record<string, unknown>)[key];
  return Array.isArray(value) ? value : [];
}

/** An entry of such a list as a record, or undefined when it is not an object. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
