import { InputDataError } from '@migration-architect/core';
import { KNOWN_FORMAT, planDocumentSchema, type ResourceChangeEntry } from './plan-document.js';
import { changedPaths, maskedPaths, redactPair } from './redact-sensitive.js';
import type { DriftedResource, PlannedAction, TerraformPlanSide, TerraformResource } from './terraform-model.js';

/** True when a parsed document looks like `terraform show -json` of a plan. */
export function looksLikePlan(document: unknown): boolean {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return false;
  const record = document as Record<string, unknown>;
  return typeof record['format_version'] === 'string' && ('resource_changes' in record || 'planned_values' in record || 'terraform_version' in record);
}

function zodPath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

function sides(entry: ResourceChangeEntry) {
  const change = entry.change;
  return redactPair(change.before ?? null, change.after ?? null, {
    before: change.before_sensitive,
    after: change.after_sensitive,
    unknown: change.after_unknown,
  });
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * A plan JSON as the pair of states it moves between: the before side holds each resource's
 * `before` (and the drift found while planning), the after side its `after` and the plan's
 * intent (actions, reasons, moves, imports). Sensitive values are redacted here.
 */
export function readPlan(document: unknown, file: string): { before: TerraformPlanSide; after: TerraformPlanSide } {
  const version = (document as Record<string, unknown>)['format_version'];
  if (typeof version === 'string' && !KNOWN_FORMAT.test(version)) {
    throw new InputDataError(
      `unknown Terraform plan format_version "${version}", expected 0.x or 1.x (terraform show -json of Terraform 0.12 or later, or OpenTofu)`,
      {
        file,
        path: 'format_version',
      },
    );
  }
  const parsed = planDocumentSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputDataError(`not a Terraform plan JSON: ${issue.message} (expected terraform show -json output)`, { file, path: zodPath(issue.path) });
  }
  const plan = parsed.data;
  const make = (side: 'before' | 'after'): TerraformPlanSide => ({
    side,
    formatVersion: plan.format_version,
    terraformVersion: plan.terraform_version ?? null,
    resources: {},
    planned: [],
    drift: [],
  });
  const before = make('before');
  const after = make('after');
  for (const entry of plan.resource_changes) {
    if (entry.mode !== 'managed') continue;
    const values = sides(entry);
    const resource = (vals: unknown): TerraformResource | null => {
      const record = asRecord(vals);
      return record ? { address: entry.address, type: entry.type, providerName: entry.provider_name, values: record } : null;
    };
    const was = resource(values.before);
    const will = resource(values.after);
    if (was) before.resources[entry.previous_address ?? entry.address] = was;
    if (will) after.resources[entry.address] = will;
    const planned: PlannedAction = {
      address: entry.address,
      previousAddress: entry.previous_address ?? null,
      type: entry.type,
      actions: entry.change.actions,
      actionReason: entry.action_reason ?? null,
      replacePaths: (entry.change.replace_paths ?? []).map((p) => p.join('.')),
      importingId: entry.change.importing ? (entry.change.importing.id ?? '') : null,
      unknownPaths: maskedPaths(entry.change.after_unknown),
    };
    after.planned.push(planned);
  }
  for (const entry of plan.resource_drift) {
    if (entry.mode !== 'managed') continue;
    const values = sides(entry);
    const drifted: DriftedResource = {
      address: entry.address,
      type: entry.type,
      actions: entry.change.actions,
      changedPaths: changedPaths(values.before, values.after),
    };
    before.drift.push(drifted);
  }
  return { before, after };
}
