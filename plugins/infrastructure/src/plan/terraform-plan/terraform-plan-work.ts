import type { PlanAssumption, PlanStepInput, PlanWork, ScriptType } from '@migration-architect/core';
import { DATA_CATEGORIES, type TerraformCatalog } from '../../terraform/catalog/terraform-catalog.js';
import { valuesAt } from '../../terraform/diff/attribute-values.js';
import { SENSITIVE, SENSITIVE_CHANGED, UNKNOWN } from '../../terraform/plan/terraform-model.js';
import {
  applyAssumptions,
  createMinutesFor,
  MINUTES_PER_RESOURCE_CHANGE,
  RESTORE_MINUTES_WHEN_SIZE_UNKNOWN,
  SNAPSHOT_MINUTES_WHEN_SIZE_UNKNOWN,
  TERRAFORM_PARALLELISM,
} from './apply-timings.js';
import type { TerraformChangeDetails } from '../../terraform/diff/terraform-diff.js';
import type { PlanFinding } from './classify-plan-changes.js';
import { dependencyOrder } from './configuration-dependencies.js';
import { TERRAFORM_PLAN_FIELD, type SpecTerraformPlan } from './read-spec-plan.js';

/** Addresses shown in a step's name; the description (and so the JSON) has them all. */
const NAMED_IN_TEXT = 3;
/** Drifted addresses named in the warning. */
const NAMED_IN_WARNING = 10;

const minutesText = (minutes: number) => (minutes < 90 ? `${Math.round(minutes * 10) / 10} min` : `${Math.round((minutes / 60) * 10) / 10} h`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function abbreviated(addresses: string[]): string {
  const shown = addresses.slice(0, NAMED_IN_TEXT).join(', ');
  return addresses.length > NAMED_IN_TEXT ? `${shown} and ${addresses.length - NAMED_IN_TEXT} more` : shown;
}

/** The plan's resources by what the apply does to them, each address once, in plan order. */
interface PlanGroups {
  creates: string[];
  updates: string[];
  statelessReplaces: string[];
  statelessDeletes: string[];
  /** Replaced or destroyed resources that hold data: a cutover step each. */
  stateful: { address: string; replace: boolean; findings: PlanFinding[] }[];
  /** Stateful resources updated in place with a breaking finding (an engine major upgrade): no way back but a snapshot. */
  guardedUpdates: { address: string; findings: PlanFinding[] }[];
  stateOnly: { moved: string[]; imported: string[]; forgotten: string[] };
  drift: string[];
  unrecognized: string[];
}

function groupFindings(findings: PlanFinding[]): PlanGroups {
  const groups: PlanGroups = {
    creates: [],
    updates: [],
    statelessReplaces: [],
    statelessDeletes: [],
    stateful: [],
    guardedUpdates: [],
    stateOnly: { moved: [], imported: [], forgotten: [] },
    drift: [],
    unrecognized: [],
  };
  const once = (list: string[], address: string) => {
    if (!list.includes(address)) list.push(address);
  };
  for (const finding of findings) {
    const { kind, details } = finding.change;
    if (!details) continue;
    const address = details.address;
    if (kind === 'resource.drifted') once(groups.drift, address);
    else if (kind === 'resource.moved') once(groups.stateOnly.moved, address);
    else if (kind === 'resource.imported') once(groups.stateOnly.imported, address);
    else if (kind === 'resource.forgotten') once(groups.stateOnly.forgotten, address);
    else if (kind === 'resource.action-unrecognized') once(groups.unrecognized, address);
    else {
      const actions = details.actions.join(',');
      const replace = actions === 'delete,create' || actions === 'create,delete';
      const destroys = replace || actions === 'delete';
      if (destroys && details.category !== null && DATA_CATEGORIES.has(details.category)) {
        const known = groups.stateful.find((s) => s.address === address);
        if (known) known.findings.push(finding);
        else groups.stateful.push({ address, replace, findings: [finding] });
      } else if (replace) once(groups.statelessReplaces, address);
      else if (actions === 'delete') once(groups.statelessDeletes, address);
      else if (actions === 'create') once(groups.creates, address);
      else if (actions === 'update') {
        once(groups.updates, address);
        const holdsData = details.category !== null && DATA_CATEGORIES.has(details.category);
        if (holdsData && finding.rule.severity === 'breaking') {
          const known = groups.guardedUpdates.find((g) => g.address === address);
          if (known) known.findings.push(finding);
          else groups.guardedUpdates.push({ address, findings: [finding] });
        }
      }
    }
  }
  return groups;
}

const opaque = (value: unknown) => value === SENSITIVE || value === SENSITIVE_CHANGED || value === UNKNOWN;

/** A shell command when the catalog row is one (`aws ...`), else steps for a person. */
const scriptTypeOf = (command: string): ScriptType => (/^(aws|gcloud|az|azcopy|kubectl) /.test(command) ? 'bash' : 'manual');

/** The snapshot of a resource: its catalog method with `{id}` filled, and how long it and its restore take. */
function snapshotSizing(det: TerraformChangeDetails, plan: SpecTerraformPlan, catalog: TerraformCatalog, rate: number, used: Set<string>) {
  const method = catalog.snapshotOf(det.type);
  const values = plan.before[det.previousAddress ?? det.address]?.values ?? {};
  const idValue = method.idAttribute ? valuesAt(values, method.idAttribute)[0] : undefined;
  const id = typeof idValue === 'string' && idValue && !opaque(idValue) ? idValue : (det.address.split('.').pop() ?? det.address).replace(/\[.*\]$/, '');
  const fill = (command: string) => command.replaceAll('{id}', id);
  const rawSize = method.size ? valuesAt(values, method.size.attribute)[0] : undefined;
  const sizeGb = typeof rawSize === 'number' && rawSize > 0 ? (method.size!.unit === 'MB' ? rawSize / 1024 : rawSize) : null;
  if (sizeGb !== null) {
    used.add('snapshot_mb_per_second');
    const minutes = (sizeGb * 1024) / rate / 60;
    const gb = `${Math.round(sizeGb * 10) / 10} GB (${method.size!.attribute})`;
    return {
      method,
      fill,
      snapshotMinutes: minutes,
      restoreMinutes: minutes,
      snapshotEstimate: `${gb} × 1024 ÷ ${rate} MB/s (snapshot_mb_per_second) = ${minutesText(minutes)}`,
      restoreEstimate: `${minutesText(minutes)} to restore ${gb} at ${rate} MB/s (snapshot_mb_per_second)`,
    };
  }
  used.add('snapshot_minutes_when_size_unknown').add('restore_minutes_when_size_unknown');
  return {
    method,
    fill,
    snapshotMinutes: SNAPSHOT_MINUTES_WHEN_SIZE_UNKNOWN,
    restoreMinutes: RESTORE_MINUTES_WHEN_SIZE_UNKNOWN,
    snapshotEstimate: `size not in the plan: ${SNAPSHOT_MINUTES_WHEN_SIZE_UNKNOWN} min (snapshot_minutes_when_size_unknown)`,
    restoreEstimate: `${RESTORE_MINUTES_WHEN_SIZE_UNKNOWN} min to restore, size not in the plan (restore_minutes_when_size_unknown)`,
  };
}

/**
 * The steps a Terraform plan implies, grouped by what the apply does: state-only changes, creates,
 * in-place updates, stateless replaces (each group in dependency order when the plan's
 * configuration states it), then a snapshot and a cutover step per stateful resource replaced or
 * destroyed (its restore is the rollback), then the stateless destroys. Drift is a warning, apart.
 */
export function terraformPlanWork(plan: SpecTerraformPlan, catalog: TerraformCatalog, snapshotRate: { value: number; fromSpec: boolean }): Required<PlanWork> {
  const groups = groupFindings(plan.findings);
  const used = new Set<string>();
  const steps: PlanStepInput[] = [];
  const order = plan.dependencies.stated
    ? 'in dependency order (depends_on and references in the plan JSON configuration)'
    : 'in plan order (the plan JSON has no configuration, so no dependency order)';

  const wave = (key: string, phases: string[], label: (count: string) => string, what: string, addresses: string[], reverse = false) => {
    if (addresses.length === 0) return;
    const sorted = dependencyOrder(addresses, plan.dependencies);
    const ordered = reverse ? [...sorted.ordered].reverse() : sorted.ordered;
    const batches = Math.ceil(addresses.length / TERRAFORM_PARALLELISM);
    const rounds = Math.max(batches, sorted.depth);
    const minutes = rounds * MINUTES_PER_RESOURCE_CHANGE;
    used.add('terraform_parallelism').add('minutes_per_resource_change');
    const chain = sorted.depth > 1 ? `, a dependency chain ${sorted.depth} deep` : '';
    steps.push({
      key,
      phases,
      name: `${label(plural(addresses.length, 'resource'))}: ${abbreviated(ordered)}`,
      description: `${what}, ${reverse ? `dependents first (the reverse of ${order.replace(/^in /, '')})` : order}: ${ordered.join(', ')}`,
      minutes,
      estimate: `${plural(addresses.length, 'resource')}, ${TERRAFORM_PARALLELISM} at a time (terraform_parallelism)${chain}: ${plural(rounds, 'round')} × ${MINUTES_PER_RESOURCE_CHANGE} min (minutes_per_resource_change) = ${minutesText(minutes)}`,
      scriptType: 'bash',
      script: 'terraform apply plan.out',
      validation: 'terraform plan -detailed-exitcode (exit 0: nothing left to change)',
    });
  };

  const { moved, imported, forgotten } = groups.stateOnly;
  const stateOnly = [...new Set([...moved, ...imported, ...forgotten])];
  if (stateOnly.length) {
    const parts = [
      moved.length ? `${moved.length} moved` : '',
      imported.length ? `${imported.length} imported` : '',
      forgotten.length ? `${forgotten.length} removed from state` : '',
    ]
      .filter(Boolean)
      .join(', ');
    used.add('terraform_parallelism').add('minutes_per_resource_change');
    const rounds = Math.ceil(stateOnly.length / TERRAFORM_PARALLELISM);
    steps.push({
      key: 'terraform-state-only',
      phases: ['preparation', 'migration'],
      name: `Record state-only changes (${parts}): ${abbreviated(stateOnly)}`,
      description: `moved, import and removed blocks change Terraform's state, not the infrastructure: nothing is destroyed. Moved: ${moved.join(', ') || 'none'}. Imported: ${imported.join(', ') || 'none'}. Removed from state, left running: ${forgotten.join(', ') || 'none'}`,
      minutes: rounds * MINUTES_PER_RESOURCE_CHANGE,
      estimate: `${plural(stateOnly.length, 'resource')}, ${TERRAFORM_PARALLELISM} at a time (terraform_parallelism): ${plural(rounds, 'round')} × ${MINUTES_PER_RESOURCE_CHANGE} min (minutes_per_resource_change) = ${minutesText(rounds * MINUTES_PER_RESOURCE_CHANGE)}`,
      scriptType: 'bash',
      script: 'terraform apply plan.out',
    });
  }
  wave('terraform-creates', ['migration'], (n) => `Create ${n}`, 'New resources; nothing existing changes', groups.creates);
  groups.guardedUpdates.forEach((resource, i) => {
    const det = resource.findings[0]!.change.details!;
    const sized = snapshotSizing(det, plan, catalog, snapshotRate.value, used);
    const findingsText = resource.findings.map((f) => `${f.rule.code ?? f.rule.id}: ${f.description}`).join(' ');
    steps.push({
      key: `terraform-pre-update-snapshot-${i + 1}`,
      phases: ['migration'],
      name: `Snapshot ${det.address} before its in-place update (${sized.method.method})`,
      description: `${findingsText} An in-place update like this has no way back but this snapshot: ${sized.fill(sized.method.snapshot)}.`,
      subject: { kind: det.category ?? 'stateful', name: det.address, detail: det.type },
      minutes: sized.snapshotMinutes,
      estimate: sized.snapshotEstimate,
      disruptive: true,
      scriptType: scriptTypeOf(sized.method.snapshot),
      script: sized.fill(sized.method.snapshot),
      validation: 'The snapshot is complete (available) before terraform apply starts',
      rollback: {
        name: `Restore ${det.address} from its pre-update snapshot`,
        description: `Restore the snapshot into a resource at the old configuration and import it: ${sized.fill(sized.method.restore)}. Writes made after the snapshot are lost.`,
        scriptType: scriptTypeOf(sized.method.restore),
        script: sized.fill(sized.method.restore),
        minutes: Math.round(sized.restoreMinutes * 100) / 100,
      },
    });
  });
  wave(
    'terraform-updates',
    ['migration'],
    (n) => `Update ${n} in place`,
    'Attributes change without a replace; the plan findings name the risky ones',
    groups.updates,
  );
  wave(
    'terraform-stateless-replaces',
    ['migration'],
    (n) => `Replace ${n} (stateless)`,
    'Stateless resources destroyed and created again (new IDs, no data to keep)',
    groups.statelessReplaces,
  );

  const statefulOrder = dependencyOrder(
    groups.stateful.map((s) => s.address),
    plan.dependencies,
  ).ordered;
  groups.stateful.sort((a, b) => statefulOrder.indexOf(a.address) - statefulOrder.indexOf(b.address));
  groups.stateful.forEach((resource, i) => {
    const finding = resource.findings.find((f) => f.change.kind === 'resource.replaced' || f.change.kind === 'resource.deleted') ?? resource.findings[0]!;
    const det = finding.change.details!;
    const { method, fill, snapshotMinutes, snapshotEstimate, restoreMinutes, restoreEstimate } = snapshotSizing(det, plan, catalog, snapshotRate.value, used);
    const category = det.category ?? 'stateful';
    const subject = { kind: category, name: det.address, detail: det.type };
    const snapshotNote =
      det.finalSnapshot === 'taken'
        ? ' Terraform also takes a final snapshot (final_snapshot_identifier); this one is taken before the apply, whatever happens to that.'
        : det.finalSnapshot === 'skipped'
          ? ' skip_final_snapshot is true: Terraform takes no final snapshot, so this is the only copy.'
          : '';
    steps.push({
      key: `terraform-snapshot-${i + 1}`,
      phases: ['cutover', 'migration'],
      name: `Snapshot ${det.address} (${method.method})`,
      description: `Before the apply ${resource.replace ? 'destroys and recreates' : 'destroys'} it: ${fill(method.snapshot)}.${snapshotNote}${resource.replace ? ' Writes stop from here until the data is restored into the new resource, so the snapshot holds the last write.' : ''}`,
      subject,
      minutes: snapshotMinutes,
      estimate: snapshotEstimate,
      downtime: resource.replace,
      disruptive: true,
      scriptType: scriptTypeOf(method.snapshot),
      script: fill(method.snapshot),
      validation: 'The snapshot is complete (available) before terraform apply starts',
    });
    const create = createMinutesFor(det.category);
    const findingsText = resource.findings.map((f) => `${f.rule.code ?? f.rule.id}: ${f.description}`).join(' ');
    if (resource.replace) {
      used.add(create.name);
      const minutes = create.minutes + restoreMinutes;
      steps.push({
        key: `terraform-cutover-${i + 1}`,
        phases: ['cutover', 'migration'],
        name: `Replace ${det.address} (${category}) and restore its data`,
        description: `${findingsText} The new resource starts empty: restore the snapshot into it (${fill(method.restore)}), check it, then let writes resume.`,
        subject,
        minutes,
        estimate: `${create.minutes} min to create a ${category} (${create.name}) + ${restoreEstimate} = ${minutesText(minutes)}`,
        downtime: true,
        scriptType: 'bash',
        script: 'terraform apply plan.out',
        rollback: {
          name: `Restore ${det.address} from its snapshot`,
          description: `Revert the change that forced the replace, restore the pre-apply snapshot at the old configuration and import it: ${fill(method.restore)}. Writes made after the snapshot are lost.`,
          scriptType: scriptTypeOf(method.restore),
          script: fill(method.restore),
          minutes: Math.round(restoreMinutes * 100) / 100,
        },
      });
    } else {
      used.add('minutes_per_resource_change');
      steps.push({
        key: `terraform-cutover-${i + 1}`,
        phases: ['cutover', 'migration'],
        name: `Destroy ${det.address} (${category})`,
        description: `${findingsText} ${finding.suggestedMigration}`,
        subject,
        minutes: MINUTES_PER_RESOURCE_CHANGE,
        estimate: `1 destroy: ${MINUTES_PER_RESOURCE_CHANGE} min (minutes_per_resource_change)`,
        disruptive: true,
        scriptType: 'bash',
        script: 'terraform apply plan.out',
        rollback: {
          name: `Restore ${det.address} from its snapshot`,
          description: `Put the resource back in the configuration, restore the pre-apply snapshot and import it: ${fill(method.restore)}. Writes made after the snapshot are lost.`,
          scriptType: scriptTypeOf(method.restore),
          script: fill(method.restore),
          minutes: Math.round(restoreMinutes * 100) / 100,
        },
      });
    }
  });
  wave(
    'terraform-stateless-deletes',
    ['decommission', 'cutover', 'migration'],
    (n) => `Destroy ${n} (stateless)`,
    'Stateless resources removed (no data to keep; clients of serving resources must have moved)',
    groups.statelessDeletes,
    true,
  );

  const warnings: Required<PlanWork>['warnings'] = [];
  if (groups.drift.length) {
    const shown = groups.drift.slice(0, NAMED_IN_WARNING).join(', ');
    warnings.push({
      code: 'terraform-drift',
      path: TERRAFORM_PLAN_FIELD,
      message: `${plan.file}: ${plural(groups.drift.length, 'resource')} changed outside Terraform since the last apply (resource_drift, not part of the plan's changes): ${shown}${groups.drift.length > NAMED_IN_WARNING ? ` and ${groups.drift.length - NAMED_IN_WARNING} more` : ''}; reconcile the configuration before applying`,
    });
  }
  if (groups.unrecognized.length) {
    warnings.push({
      code: 'terraform-action-unrecognized',
      path: TERRAFORM_PLAN_FIELD,
      message: `${plan.file}: actions this plugin does not know for ${groups.unrecognized.join(', ')}; they are in no step, review them in terraform show`,
    });
  }
  const assumptions: PlanAssumption[] = applyAssumptions(used, snapshotRate);
  return { steps, assumptions, warnings };
}
