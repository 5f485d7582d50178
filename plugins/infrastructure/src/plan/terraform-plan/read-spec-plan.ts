import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputDataError, InputMissingError, MigrationArchitectError, type MigrationSpec, type SpecOrigin } from '@migration-architect/core';
import type { TerraformCatalog } from '../../terraform/catalog/terraform-catalog.js';
import { diffTerraformPlan } from '../../terraform/diff/terraform-diff.js';
import { looksLikePlan, readPlan } from '../../terraform/plan/read-plan.js';
import type { TerraformPlanSide } from '../../terraform/plan/terraform-model.js';
import { classifyPlanChanges, type PlanFinding } from './classify-plan-changes.js';
import { configurationDependencies, type DependencyGraph } from './configuration-dependencies.js';

/** The spec field that names the plan JSON. */
export const TERRAFORM_PLAN_FIELD = 'infrastructure_details.terraform_plan';

/** A plan JSON named by a spec, read the way `check` reads it and classified by the Terraform rules. */
export interface SpecTerraformPlan {
  /** The path as the spec gives it, for messages. */
  file: string;
  terraformVersion: string | null;
  findings: PlanFinding[];
  dependencies: DependencyGraph;
  /** Each resource's values before the plan (sensitive ones already replaced), by its address before the plan. */
  before: TerraformPlanSide['resources'];
}

/** The path the spec gives, or null when it names no plan. */
export function terraformPlanPath(spec: MigrationSpec): string | null {
  const details = (spec as Record<string, unknown>)['infrastructure_details'];
  if (typeof details !== 'object' || details === null) return null;
  const path = (details as Record<string, unknown>)['terraform_plan'];
  return typeof path === 'string' && path.length > 0 ? path : null;
}

const fail = (origin: SpecOrigin, message: string, missing = false) =>
  new (missing ? InputMissingError : InputDataError)(message, { file: origin.file ?? undefined, path: TERRAFORM_PLAN_FIELD });

function readText(path: string, absolute: string, origin: SpecOrigin): string {
  try {
    return readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw fail(
      origin,
      `cannot read ${path} (${why}, resolved to ${absolute}); expected a plan JSON (terraform show -json plan.out > plan.json) relative to the spec`,
      true,
    );
  }
}

function parse(path: string, absolute: string, origin: SpecOrigin) {
  const text = readText(path, absolute, origin);
  // hashicorp/setup-terraform's wrapper prints the command before the JSON (the checker's source says the same).
  if (text.startsWith('[command]'))
    throw fail(
      origin,
      `${path} starts with a "[command]" line from the setup-terraform wrapper, expected plan JSON: set terraform_wrapper: false, or drop the first line`,
    );
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw fail(origin, `${path} is not valid JSON (${(error as Error).message.split('\n')[0]}); expected the output of terraform show -json plan.out`);
  }
  if (!looksLikePlan(document))
    throw fail(origin, `${path} is not a Terraform plan JSON: expected an object with format_version and resource_changes (terraform show -json plan.out)`);
  try {
    return { document, pair: readPlan(document, path) };
  } catch (error) {
    if (error instanceof MigrationArchitectError) {
      const inside = error.location.path ? `${error.location.path}: ` : '';
      throw fail(origin, `${path}: ${inside}${error.message}`);
    }
    throw error;
  }
}

// facts() and planWork() both need the plan; the planner hands both the same spec object.
const cache = new WeakMap<object, Map<string, SpecTerraformPlan>>();

/**
 * Reads the plan JSON the spec names (relative to the spec's folder), with the checker's reader,
 * diff and rules, and the dependencies its `configuration` states. Null when the spec names none.
 * Any problem with the file is one line naming the spec field, the file and what was expected.
 */
export function readSpecTerraformPlan(spec: MigrationSpec, origin: SpecOrigin, catalog: TerraformCatalog): SpecTerraformPlan | null {
  const path = terraformPlanPath(spec);
  if (path === null) return null;
  const absolute = isAbsolute(path) ? path : resolve(origin.directory, path);
  const known = cache.get(spec)?.get(absolute);
  if (known) return known;
  const { document, pair } = parse(path, absolute, origin);
  const changes = diffTerraformPlan(pair.before, pair.after, catalog);
  const read: SpecTerraformPlan = {
    file: path,
    terraformVersion: pair.after.terraformVersion,
    findings: classifyPlanChanges(changes, pair),
    dependencies: configurationDependencies((document as Record<string, unknown>)['configuration']),
    before: pair.before.resources,
  };
  const forSpec = cache.get(spec) ?? new Map<string, SpecTerraformPlan>();
  forSpec.set(absolute, read);
  cache.set(spec, forSpec);
  return read;
}
