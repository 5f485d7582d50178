import { groupedNumber } from '@migration-architect/core';
import type { MigrationSpec, PlanStepContext, PlanStepInput, PlanWork } from '@migration-architect/core';
import type { TerraformCatalog } from '../terraform/catalog/terraform-catalog.js';
import { DEFAULT_SNAPSHOT_MB_PER_SECOND } from './terraform-plan/apply-timings.js';
import { readSpecTerraformPlan } from './terraform-plan/read-spec-plan.js';
import { terraformPlanWork } from './terraform-plan/terraform-plan-work.js';
import { infrastructureSpecFields } from './spec-fields.js';

const DEFAULT_TRANSFER_MB_PER_SECOND = 100;
/** A wave's cutover when the spec allows no more: final sync, DNS switch, health checks. */
const DEFAULT_WAVE_CUTOVER_MINUTES = 60;

function minutesAt(mb: number, rate: number): number {
  return mb / rate / 60;
}

function duration(minutes: number): string {
  return minutes < 90 ? `${Math.round(minutes * 10) / 10} min` : `${Math.round((minutes / 60) * 10) / 10} h`;
}

/**
 * The infrastructure type's work for a spec: the data transfer sized from the data volume (and a
 * full load per listed database), then per wave a replication step and a cutover step that stops
 * traffic (sized against max_downtime_minutes, placed in the migration window). The first wave
 * goes in the pilot phase when the pattern has one. A spec that names a Terraform plan JSON adds the
 * steps of that plan (terraform-plan/terraform-plan-work.ts).
 */
export function infrastructurePlanWork(spec: MigrationSpec, context: PlanStepContext, catalog: TerraformCatalog): PlanWork {
  const record = spec as Record<string, unknown>;
  const throughput = infrastructureSpecFields.throughput.safeParse(record['throughput']);
  const rate = (throughput.success ? throughput.data.transfer_mb_per_second : undefined) ?? DEFAULT_TRANSFER_MB_PER_SECOND;
  const assumptions = [
    {
      name: 'transfer_mb_per_second',
      value: rate,
      unit: 'MB/s',
      source: throughput.success && throughput.data.transfer_mb_per_second !== undefined ? 'spec (throughput.transfer_mb_per_second)' : 'default',
      description: 'Sustained transfer between source and target',
    },
  ];
  const steps: PlanStepInput[] = [];
  const details = infrastructureSpecFields.infrastructure_details.safeParse(record['infrastructure_details']);
  (details.success ? (details.data.source_inventory?.databases ?? []) : []).forEach((db, i) => {
    if (db.size_gb === undefined) return;
    const minutes = minutesAt(db.size_gb * 1024, rate);
    steps.push({
      key: `full-load-db-${i}`,
      phases: ['migration', 'pilot'],
      name: `Full load of the ${db.engine}${db.version ? ` ${db.version}` : ''} database (${groupedNumber(db.size_gb)} GB)`,
      description: 'Initial copy of the database; change data capture keeps it current until its wave cuts over',
      subject: { kind: 'database', name: `${db.engine}${db.version ? ` ${db.version}` : ''}`, detail: `${db.size_gb} GB` },
      minutes,
      estimate: `${groupedNumber(db.size_gb * 1024)} MB ÷ ${rate} MB/s (transfer_mb_per_second) = ${duration(minutes)}`,
      disruptive: true,
    });
  });
  const volume = spec.constraints?.data_volume_gb;
  if (volume !== undefined && volume > 0) {
    const minutes = minutesAt(volume * 1024, rate);
    steps.push({
      key: 'initial-replication',
      phases: ['migration', 'preparation'],
      name: `Replicate ${groupedNumber(volume)} GB to the target`,
      description: 'Initial replication of disks and file storage (constraints.data_volume_gb); deltas follow until each wave cuts over',
      minutes,
      estimate: `${groupedNumber(volume * 1024)} MB ÷ ${rate} MB/s (transfer_mb_per_second) = ${duration(minutes)}`,
      disruptive: true,
    });
  }
  const waves = infrastructureSpecFields.waves.safeParse(record['waves']);
  const hasPilot = context.phases.some((p) => p.name === 'pilot' || p.template === 'pilot');
  const budget = context.maxDowntimeMinutes ?? DEFAULT_WAVE_CUTOVER_MINUTES;
  const cutoverMinutes = Math.min(budget, DEFAULT_WAVE_CUTOVER_MINUTES);
  (waves.success ? waves.data : []).forEach((wave, i) => {
    const inPilot = hasPilot && i === 0;
    const workloads = wave.workloads?.join(', ') ?? 'its workloads';
    steps.push({
      key: `wave-${i + 1}-cutover`,
      phases: inPilot ? ['pilot'] : ['cutover', 'migration'],
      name: `Cut over ${wave.name} (${workloads})${wave.cutover_window ? ` in ${wave.cutover_window}` : ''}`,
      description: `Final sync, switch DNS and routing for ${workloads}, check health; the source stays ready to take traffic back`,
      subject: { kind: 'wave', name: wave.name, detail: workloads },
      minutes: cutoverMinutes,
      estimate: `${cutoverMinutes} min (assumed: final sync, DNS switch and health checks${context.maxDowntimeMinutes !== null && context.maxDowntimeMinutes < DEFAULT_WAVE_CUTOVER_MINUTES ? ', capped at max_downtime_minutes' : ''})`,
      downtime: true,
      rollback: {
        name: `Switch ${wave.name} back to the source`,
        description: `Point DNS and routing for ${workloads} back at the source environment and check health`,
        scriptType: 'manual',
        script: `Revert the DNS records and load balancer targets of ${workloads} to their pre-cutover values`,
        minutes: 20,
      },
    });
  });
  const terraform = readSpecTerraformPlan(spec, context.origin, catalog);
  if (!terraform) return { steps, assumptions };
  const snapshotRate = throughput.success ? throughput.data.snapshot_mb_per_second : undefined;
  const fromPlan = terraformPlanWork(terraform, catalog, { value: snapshotRate ?? DEFAULT_SNAPSHOT_MB_PER_SECOND, fromSpec: snapshotRate !== undefined });
  return { steps: [...steps, ...fromPlan.steps], assumptions: [...assumptions, ...fromPlan.assumptions], warnings: fromPlan.warnings };
}
