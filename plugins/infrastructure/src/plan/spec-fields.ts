import { z } from '@migration-architect/core';

/*
 * The spec fields the infrastructure migration type reads, beyond core's (phases, flags,
 * monitoring, triggers and business continuity are core's). Loose objects so teams can keep notes.
 */

const database = z.looseObject({
  engine: z.string().min(1),
  version: z.string().optional(),
  size_gb: z.number().finite().nonnegative().optional().meta({ description: 'Sizes its full load.' }),
});

export const WaveSchema = z.looseObject({
  name: z.string().min(1),
  workloads: z.array(z.string().min(1)).optional(),
  cutover_window: z.string().optional().meta({
    description:
      'When this wave cuts over, in words ("Sat 02:00-04:00 CET"); shown on its cutover step. The calendar uses business_continuity.preferred_migration_window.',
  }),
});

export const infrastructureSpecFields = {
  infrastructure_details: z
    .looseObject({
      source_inventory: z.looseObject({ databases: z.array(database).optional() }).optional(),
      target_design: z.looseObject({}).optional(),
      terraform_plan: z.string().min(1).optional().meta({
        description:
          'A saved plan as JSON (terraform show -json plan.out > plan.json), relative to the spec: the plan then has a step per group of resource changes, a snapshot and a cutover step per stateful resource replaced or destroyed, and the risks of its findings.',
      }),
    })
    .meta({ description: 'Source inventory and target landing zone: hosts, databases, storage, network; the Terraform plan that carries it out.' }),
  waves: z
    .array(WaveSchema)
    .min(1)
    .meta({ description: 'Migration waves, in order, with their workloads and cutover windows: a replication and a cutover step each.' }),
  throughput: z
    .strictObject({
      transfer_mb_per_second: z
        .number()
        .finite()
        .positive()
        .optional()
        .meta({ description: 'Sustained transfer between source and target (default 100 MB/s, about 1 Gbit/s).' }),
      snapshot_mb_per_second: z
        .number()
        .finite()
        .positive()
        .optional()
        .meta({ description: 'Snapshot and restore throughput for the resources a Terraform plan replaces or destroys (default 50 MB/s).' }),
    })
    .meta({ description: 'Throughputs the duration estimates rest on.' }),
};
