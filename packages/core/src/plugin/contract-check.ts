import type { z } from 'zod';
import { PluginError } from '../errors/errors.js';
import { formatPath } from '../errors/zod-issue-path.js';
import { closestName } from '../planner/closest-name.js';
import { PLUGIN_API_VERSION, PLUGIN_MIGRATION_GUIDE_URL } from './contract-version.js';
import { REMOVED_CONTRACT_KEYS } from './removed-contract-keys.js';

/*
 * What zod's own validation cannot say: that a plugin was written for another contract, and that
 * a key is not part of this one. zod strips unknown keys, so a key a contract removed (a checker's
 * `load`) would be dropped without a word and the plugin would misbehave later, far from the cause.
 */

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

/** The object or array schema under wrappers (optional, default, nullable, pipe). */
function unwrap(schema: z.ZodType): ZodDef {
  let def = defOf(schema);
  for (let depth = 0; depth < 10; depth++) {
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) break;
    def = defOf(inner);
  }
  return def;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type PathKey = string | number;

/** `checkers[].load` for `['checkers', 0, 'load']`: the form removed keys are listed in. */
function pattern(path: PathKey[]): string {
  return formatPath(path.map((key) => (typeof key === 'number' ? -1 : key))).replace(/\[-1\]/g, '[]');
}

function describeUnknownKey(path: PathKey[], known: string[]): string {
  const key = String(path[path.length - 1]);
  const removed = REMOVED_CONTRACT_KEYS.find((entry) => entry.path === pattern(path));
  if (removed) return `${formatPath(path)}: removed in contract ${removed.removedIn}; ${removed.replacement}`;
  const guess = closestName(key, known);
  if (guess) return `${formatPath(path)}: unknown key; did you mean "${guess}"?`;
  return `${formatPath(path)}: unknown key (expected one of: ${known.join(', ')})`;
}

/** Every key of `value` the schema does not know, depth first, as one sentence each. */
function unknownKeys(value: unknown, schema: z.ZodType, path: PathKey[], out: string[]): void {
  const def = unwrap(schema);
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    value.forEach((item, i) => unknownKeys(item, def.element!, [...path, i], out));
    return;
  }
  if (def.type !== 'object' || !def.shape || !isPlainObject(value)) return;
  // A loose object (catchall other than never) accepts any key.
  if (def.catchall && defOf(def.catchall).type !== 'never') return;
  const known = Object.keys(def.shape);
  for (const [key, child] of Object.entries(value)) {
    const childSchema = def.shape[key];
    if (!childSchema) {
      // `key: undefined` is how spreads and optional fields often look: nothing to misread.
      if (child !== undefined) out.push(describeUnknownKey([...path, key], known));
      continue;
    }
    unknownKeys(child, childSchema, [...path, key], out);
  }
}

function versionProblem(candidate: unknown): string | undefined {
  const version = isPlainObject(candidate) ? candidate.apiVersion : undefined;
  if (version === PLUGIN_API_VERSION) return undefined;
  if (version === undefined) {
    return `it does not state the plugin contract it implements: add apiVersion: ${PLUGIN_API_VERSION} (the contract this core implements) after reading ${PLUGIN_MIGRATION_GUIDE_URL}`;
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return `apiVersion: expected the contract version as a number literal (apiVersion: ${PLUGIN_API_VERSION}), got ${JSON.stringify(version)}`;
  }
  if (version < PLUGIN_API_VERSION) {
    return `it implements plugin contract ${version}, but this core implements contract ${PLUGIN_API_VERSION}; port it with the migration guide: ${PLUGIN_MIGRATION_GUIDE_URL}`;
  }
  return `it implements plugin contract ${version}, but this core implements contract ${PLUGIN_API_VERSION}; upgrade @migration-architect/core and the CLI, or use a release of the plugin written for contract ${PLUGIN_API_VERSION}`;
}

function throwUnknownKeys(problems: string[], label: string): void {
  const [first, ...rest] = problems;
  if (!first) return;
  const more = rest.length ? ` (and ${rest.length} more: ${rest.map((p) => p.split(': ')[0]).join(', ')})` : '';
  throw new PluginError(`plugin "${label}" is invalid: ${first}${more}`);
}

/**
 * Refuses a plugin written for another contract version, or with keys this contract does not
 * have (removed ones name their replacement, misspelt ones get a did-you-mean). One line, naming
 * the plugin; further unknown keys are counted and listed after the first.
 */
export function assertPluginContract(candidate: unknown, label: string, schema: z.ZodType): void {
  const version = versionProblem(candidate);
  if (version) throw new PluginError(`plugin "${label}" cannot be loaded: ${version}`);
  const problems: string[] = [];
  unknownKeys(candidate, schema, [], problems);
  throwUnknownKeys(problems, label);
}

/** The same refusal of unknown keys, under the given top-level keys only (one part of a plugin). */
export function assertKnownKeysUnder(candidate: unknown, label: string, schema: z.ZodObject, keys: readonly string[]): void {
  if (!isPlainObject(candidate)) return;
  const problems: string[] = [];
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const key of keys) {
    if (candidate[key] !== undefined && shape[key]) unknownKeys(candidate[key], shape[key], [key], problems);
  }
  throwUnknownKeys(problems, label);
}

/** The same refusal of unknown keys for one value at `path` of the plugin (what is validated on read). */
export function assertKnownKeysAt(value: unknown, label: string, schema: z.ZodType, path: readonly PathKey[]): void {
  const problems: string[] = [];
  unknownKeys(value, schema, [...path], problems);
  throwUnknownKeys(problems, label);
}
