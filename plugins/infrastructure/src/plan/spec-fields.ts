import type { MigrationSpec } from '@migration-architect/core';

/**
 * Defensive readers for the spec fields risk conditions look at. Core validates only the fields
 * it knows; a risk condition must never throw on a field of an unexpected shape.
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
