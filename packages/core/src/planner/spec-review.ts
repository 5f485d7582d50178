import { z } from 'zod';
import { MigrationSpecSchema, type MigrationSpec } from '../documents/spec.js';
import { InputDataError } from '../errors/errors.js';
import { describeZodError, formatPath } from '../errors/zod-issue-path.js';
import type { PluginRegistry } from '../plugin/registry.js';
import { closestName } from './closest-name.js';

/** A spec field no loaded plugin reads: probably a typo, since it silently changes nothing. */
export interface SpecWarning {
  /** `constraints.max_downtime_minute` */
  path: string;
  message: string;
  /** The known field it most resembles, when one is close. */
  suggestion: string | null;
}

// Read from the spec schema when first needed, so that importing core does not build it.
const baseFields = () => Object.keys(MigrationSpecSchema.shape);
const baseConstraints = () => Object.keys(MigrationSpecSchema.shape.constraints.unwrap().shape);

function unknownFields(record: Record<string, unknown>, known: string[], prefix: string): SpecWarning[] {
  return Object.keys(record)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const suggestion = closestName(key, known);
      const path = prefix ? `${prefix}.${key}` : key;
      return { path, suggestion, message: `unknown field "${path}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; no loaded plugin reads it` };
    });
}

/**
 * The spec with the fields its migration type declares parsed by the type's own schemas
 * (defaults filled, transforms applied): what the type's `facts`, `planWork` and risk `when`
 * receive. A declared field of the wrong shape is an error (65) with its path.
 */
export function parseSpecFields(registry: PluginRegistry, spec: MigrationSpec, file: string): MigrationSpec {
  const type = registry.migrationType(spec.type);
  if (!type) return spec;
  // Declared fields are optional: a spec gives what it knows.
  const optional = (fields: Record<string, z.ZodType>) => Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, schema.optional()]));
  const declared = z.looseObject({
    ...optional(type.specFields),
    constraints: z.looseObject(optional(type.constraintFields)).optional(),
  });
  const result = declared.safeParse(spec);
  if (!result.success) {
    const { path, message } = describeZodError(result.error);
    throw new InputDataError(message, { file, path: path || undefined });
  }
  return result.data as MigrationSpec;
}

/**
 * Checks the fields the spec's migration type declares (plugins' `specFields` and
 * `constraintFields`) and lists fields nobody reads. Invalid declared fields are errors (65) with
 * their path; unknown fields are warnings, or errors when `strict`.
 */
export function reviewSpec(registry: PluginRegistry, spec: MigrationSpec, options: { file: string; strict?: boolean }): SpecWarning[] {
  const type = registry.migrationType(spec.type);
  if (!type) return [];
  parseSpecFields(registry, spec, options.file);
  const warnings = [
    ...unknownFields(spec, [...baseFields(), ...Object.keys(type.specFields)], ''),
    ...(spec.constraints ? unknownFields(spec.constraints, [...baseConstraints(), ...Object.keys(type.constraintFields)], 'constraints') : []),
  ];
  if (options.strict && warnings.length) {
    const [first] = warnings;
    throw new InputDataError(`${first!.message}${warnings.length > 1 ? ` (and ${warnings.length - 1} more)` : ''}`, {
      file: options.file,
      path: formatPath(first!.path.split('.')),
    });
  }
  return warnings;
}
