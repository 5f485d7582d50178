/** Shown instead of a value Terraform marks sensitive: the checker never carries the value itself. */
export const SENSITIVE = '(sensitive)';
/** Shown instead of a sensitive value that the plan changes. */
export const SENSITIVE_CHANGED = '(sensitive, changed)';
/** Shown instead of a value Terraform knows only after apply (`after_unknown`). */
export const UNKNOWN = '(known after apply)';

/** One managed resource on one side of a plan; sensitive values already replaced by SENSITIVE. */
export interface TerraformResource {
  address: string;
  type: string;
  providerName: string;
  values: Record<string, unknown>;
}

/** What the plan intends for one resource: its `resource_changes` entry, less the values. */
export interface PlannedAction {
  address: string;
  /** `previous_address`: the resource moves (a `moved` block, or `terraform state mv` pending). */
  previousAddress: string | null;
  type: string;
  /** `["delete","create"]`, `["create","delete"]`, `["update"]`, `["no-op"]`, `["forget"]`, ... */
  actions: string[];
  /** Why Terraform replaces or deletes: `replace_because_cannot_update`, `delete_because_no_resource_config`, ... */
  actionReason: string | null;
  /** The attributes that force the replacement (`[["engine"]]`). */
  replacePaths: string[];
  /** The import ID when the resource is being imported (`importing`); null when it is not. */
  importingId: string | null;
  /** Dotted attribute paths Terraform knows only after apply. */
  unknownPaths: string[];
}

/** A resource changed outside Terraform since the last apply (`resource_drift`). */
export interface DriftedResource {
  address: string;
  type: string;
  actions: string[];
  /** Dotted paths of the attributes that differ between the recorded and the refreshed state. */
  changedPaths: string[];
}

/** One side of a plan: the state before it, or after it with the plan's intent. */
export interface TerraformPlanSide {
  side: 'before' | 'after';
  formatVersion: string;
  terraformVersion: string | null;
  resources: Record<string, TerraformResource>;
  /** After side only: the plan's actions, in plan order. */
  planned: PlannedAction[];
  /** Before side only: what drifted before the plan was made. */
  drift: DriftedResource[];
}
