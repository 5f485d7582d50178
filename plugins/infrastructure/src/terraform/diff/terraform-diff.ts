import type { SchemaChange } from '@migration-architect/core';
import type { AttributeRisk, ResourceCategory, TerraformCatalog } from '../catalog/terraform-catalog.js';
import type { PlannedAction, TerraformPlanSide } from '../plan/terraform-model.js';
import { changedPaths } from '../plan/redact-sensitive.js';
import { testAttribute, valuesAt } from './attribute-values.js';

/** Only the given attributes of a resource's values, so a finding shows what changed and not the whole resource. */
function only(values: Record<string, unknown> | undefined, paths: string[]): Record<string, unknown> | undefined {
  if (!values || paths.length === 0) return undefined;
  return Object.fromEntries(paths.slice(0, 20).map((p) => [p, valuesAt(values, p)[0] ?? null]));
}

/** What Terraform rules read besides the change itself. */
export interface TerraformChangeDetails extends Record<string, unknown> {
  address: string;
  type: string;
  category: ResourceCategory | null;
  actions: string[];
  actionReason: string | null;
  replacePaths: string[];
  /** Attribute paths whose new value is known only after apply. */
  unknownPaths: string[];
  /** Changed attribute paths (updates), or drifted ones. */
  changedPaths: string[];
  risk?: AttributeRisk | undefined;
  attribute?: string | undefined;
  detail?: string | undefined;
  /** A create of the same type in the same plan: the delete may be a rename that lacks a `moved` block. */
  possibleMoveTo?: string | undefined;
  /** Database deletes: whether a final snapshot is taken. */
  finalSnapshot?: 'taken' | 'skipped' | 'unknown' | undefined;
  importingId?: string | undefined;
  previousAddress?: string | undefined;
  /** `apply_immediately` of the resource after the plan (RDS): instance class changes wait for the maintenance window without it. */
  applyImmediately?: boolean | null | undefined;
}
export type TerraformChange = SchemaChange<unknown, TerraformChangeDetails>;

const key = (actions: string[]) => actions.join(',');

function finalSnapshotOf(values: Record<string, unknown> | undefined): TerraformChangeDetails['finalSnapshot'] {
  if (!values || !('skip_final_snapshot' in values)) return undefined;
  if (values['skip_final_snapshot'] === true) return 'skipped';
  return values['final_snapshot_identifier'] ? 'taken' : 'unknown';
}

/**
 * The changes of a plan, from its two sides: one per intended action (create, delete, replace,
 * update, move, import, forget), one per risky attribute of an in-place update, and one per
 * drifted resource, kept apart under `resource_drift`.
 */
export function diffTerraformPlan(before: TerraformPlanSide, after: TerraformPlanSide, catalog: TerraformCatalog): TerraformChange[] {
  const changes: TerraformChange[] = [];
  const creates = new Map<string, string[]>();
  const deletes = new Map<string, number>();
  for (const p of after.planned) {
    if (key(p.actions) === 'create') creates.set(p.type, [...(creates.get(p.type) ?? []), p.address]);
    if (key(p.actions) === 'delete') deletes.set(p.type, (deletes.get(p.type) ?? 0) + 1);
  }
  // A delete looks like a rename without a moved block when a create of its type has the same
  // name (moved into a module, re-keyed), or when it is the only delete and only create of its type.
  const nameOf = (address: string) =>
    address
      .split('.')
      .pop()!
      .replace(/\[.*\]$/, '');
  const createsByName = new Map<string, string[]>();
  for (const [type, addresses] of creates)
    for (const a of addresses) createsByName.set(`${type} ${nameOf(a)}`, [...(createsByName.get(`${type} ${nameOf(a)}`) ?? []), a]);
  const taken = new Set<string>();
  const moveTarget = (planned: PlannedAction): string | undefined => {
    const same = createsByName.get(`${planned.type} ${nameOf(planned.address)}`)?.find((c) => !taken.has(c));
    const candidates = creates.get(planned.type) ?? [];
    const pick = same ?? (candidates.length === 1 && deletes.get(planned.type) === 1 && !taken.has(candidates[0]!) ? candidates[0] : undefined);
    if (pick) taken.add(pick);
    return pick;
  };

  for (const planned of after.planned) {
    const was = before.resources[planned.previousAddress ?? planned.address];
    const will = after.resources[planned.address];
    const base = (extra: Partial<TerraformChangeDetails> = {}): TerraformChangeDetails => ({
      address: planned.address,
      type: planned.type,
      category: catalog.categoryOf(planned.type) ?? null,
      actions: planned.actions,
      actionReason: planned.actionReason,
      replacePaths: planned.replacePaths,
      unknownPaths: planned.unknownPaths,
      changedPaths: [],
      ...extra,
    });
    const path = `resource_changes.${planned.address}`;
    if (planned.previousAddress && planned.previousAddress !== planned.address) {
      changes.push({
        kind: 'resource.moved',
        path,
        subject: planned.address,
        before: planned.previousAddress,
        after: planned.address,
        details: base({ previousAddress: planned.previousAddress }),
      });
    }
    if (planned.importingId !== null) {
      changes.push({
        kind: 'resource.imported',
        path,
        subject: planned.address,
        after: planned.importingId || planned.address,
        details: base({ importingId: planned.importingId }),
      });
    }
    switch (key(planned.actions)) {
      case 'no-op':
      case 'read':
        break;
      case 'create':
        changes.push({ kind: 'resource.created', path, subject: planned.address, details: base() });
        changes.push(...attributeChanges(planned, null, will?.values ?? null, catalog, base));
        break;
      case 'delete': {
        const moveTo = moveTarget(planned);
        changes.push({
          kind: 'resource.deleted',
          path,
          subject: planned.address,
          details: base({ possibleMoveTo: moveTo, finalSnapshot: finalSnapshotOf(was?.values) }),
        });
        break;
      }
      case 'delete,create':
      case 'create,delete': {
        const shown = planned.replacePaths.length ? planned.replacePaths : changedPaths(was?.values, will?.values);
        changes.push({
          kind: 'resource.replaced',
          path,
          subject: planned.address,
          before: only(was?.values, shown),
          after: only(will?.values, shown),
          details: base({ changedPaths: changedPaths(was?.values, will?.values), finalSnapshot: finalSnapshotOf(was?.values) }),
        });
        break;
      }
      case 'update': {
        const risky = attributeChanges(planned, was?.values ?? null, will?.values ?? null, catalog, base);
        changes.push(...risky);
        const paths = changedPaths(was?.values, will?.values);
        if (risky.length === 0)
          changes.push({
            kind: 'resource.updated',
            path,
            subject: planned.address,
            before: only(was?.values, paths),
            after: only(will?.values, paths),
            details: base({ changedPaths: paths }),
          });
        break;
      }
      case 'forget':
        changes.push({ kind: 'resource.forgotten', path, subject: planned.address, details: base() });
        break;
      default:
        changes.push({ kind: 'resource.action-unrecognized', path, subject: planned.address, before: key(planned.actions), details: base() });
    }
  }
  for (const drifted of before.drift) {
    changes.push({
      kind: 'resource.drifted',
      path: `resource_drift.${drifted.address}`,
      subject: drifted.address,
      before: drifted.changedPaths,
      details: {
        address: drifted.address,
        type: drifted.type,
        category: catalog.categoryOf(drifted.type) ?? null,
        actions: drifted.actions,
        actionReason: null,
        replacePaths: [],
        unknownPaths: [],
        changedPaths: drifted.changedPaths,
      },
    });
  }
  return changes;
}

function attributeChanges(
  planned: PlannedAction,
  was: Record<string, unknown> | null,
  will: Record<string, unknown> | null,
  catalog: TerraformCatalog,
  base: (extra: Partial<TerraformChangeDetails>) => TerraformChangeDetails,
): TerraformChange[] {
  const out: TerraformChange[] = [];
  for (const row of catalog.attributesOf(planned.type)) {
    if (row.where && (will?.[row.where.attribute] ?? was?.[row.where.attribute]) !== row.where.equals) continue;
    const found = testAttribute(row, was, will);
    if (!found) continue;
    const applyImmediately = will && 'apply_immediately' in will ? (will['apply_immediately'] as boolean | null) : undefined;
    out.push({
      kind: found.unknown ? 'attribute.unknown' : `attribute.${row.risk}`,
      path: `resource_changes.${planned.address}.${row.attribute}`,
      subject: `${planned.address}.${row.attribute}`,
      before: found.before,
      after: found.after,
      details: base({ risk: row.risk, attribute: row.attribute, detail: found.detail, applyImmediately }),
    });
  }
  return out;
}
