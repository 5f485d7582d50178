import type { MigrationSpec } from '@migration-architect/core';

/**
 * Defensive readers for the spec fields risk conditions look at. The spec is validated only for
 * the fields core knows; everything else may be missing or of any shape, and a risk condition must
 * never throw.
 */

export function maxDowntimeMinutes(spec: MigrationSpec): number | undefined {
  const value = spec.constraints?.max_downtime_minutes;
  return typeof value === 'number' ? value : undefined;
}

export function dataVolumeGb(spec: MigrationSpec): number {
  const value = spec.constraints?.data_volume_gb;
  return typeof value === 'number' ? value : 0;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function dependencies(spec: MigrationSpec): string[] {
  return stringList(spec.constraints?.dependencies);
}

export function complianceRequirements(spec: MigrationSpec): string[] {
  return stringList(spec.constraints?.compliance_requirements);
}

export function specialRequirements(spec: MigrationSpec): string[] {
  return stringList(spec.constraints?.special_requirements);
}

/** `feature_flags` is not part of core's spec schema; the sample spec lists flag objects there. */
export function featureFlagCount(spec: MigrationSpec): number {
  const flags = (spec as Record<string, unknown>)['feature_flags'];
  return Array.isArray(flags) ? flags.length : 0;
}
