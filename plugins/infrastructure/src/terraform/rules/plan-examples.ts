/** Small plans for rule examples and docs, shaped as `terraform show -json` writes them. */

export interface ExampleChange {
  address: string;
  actions: string[];
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  previous_address?: string;
  action_reason?: string;
  replace_paths?: string[][];
  after_unknown?: Record<string, unknown>;
  importing?: { id: string };
}

function entry(change: ExampleChange) {
  const [type = '', name = ''] = change.address.split('.').slice(-2);
  return {
    address: change.address,
    ...(change.previous_address ? { previous_address: change.previous_address } : {}),
    mode: 'managed',
    type,
    name,
    provider_name: `registry.terraform.io/hashicorp/${type.split('_')[0]}`,
    ...(change.action_reason ? { action_reason: change.action_reason } : {}),
    change: {
      actions: change.actions,
      before: change.before ?? null,
      after: change.after ?? null,
      after_unknown: change.after_unknown ?? {},
      before_sensitive: {},
      after_sensitive: {},
      ...(change.replace_paths ? { replace_paths: change.replace_paths } : {}),
      ...(change.importing ? { importing: change.importing } : {}),
    },
  };
}

export function examplePlan(changes: ExampleChange[], drift: ExampleChange[] = []): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    resource_changes: changes.map(entry),
    ...(drift.length ? { resource_drift: drift.map(entry) } : {}),
  };
}
