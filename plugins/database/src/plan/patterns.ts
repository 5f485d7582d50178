import { DATABASE, type PatternInput } from '../contribution-types.js';

/**
 * The seed's two database patterns (its phases, hours and multipliers), and the catalog's
 * parallel schema pattern, which its selection matrix recommends for complex zero-downtime changes.
 */
export const databasePatterns: PatternInput[] = [
  {
    id: 'schema_change',
    type: DATABASE,
    title: 'Expand-contract schema change',
    description:
      'Evolve a schema without downtime: add the new elements next to the old (expand), backfill and dual-write (migrate), then remove the old elements once nothing uses them (contract).',
    phases: ['preparation', 'expand', 'migrate', 'contract', 'cleanup'],
    baseDurationHours: 24,
    complexityMultiplier: { low: 1.0, medium: 1.5, high: 2.5, critical: 4.0 },
    whenToUse: [
      'Schema evolution with zero downtime (renames, type changes, splitting or merging columns)',
      'Clients of the schema deploy independently and must keep working during the change',
      'Low-complexity schema changes with zero downtime tolerance (pattern selection matrix)',
      'Every step must stay reversible until the contract phase',
    ],
    recommendedWhen: [
      {
        complexity: ['low', 'medium'],
        downtime: ['zero'],
        reason:
          'Old and new shapes live side by side, so every step runs online and stays reversible until contract (selection matrix: schema change, low complexity, zero downtime → expand-contract)',
      },
    ],
    contradictedBy: [
      {
        fact: 'moves-database',
        reason: 'expand/contract changes one database in place; moving the data to another server needs a copy, a sync and a cutover (data_migration)',
      },
    ],
    favouredBy: [
      { fact: 'table-rewrite', reason: 'a rewriting type change goes through a new column, backfilled online, instead of a locking ALTER' },
      { fact: 'schema-changes', reason: 'the spec changes the schema in place' },
    ],
  },
  {
    id: 'parallel_schema',
    type: DATABASE,
    title: 'Parallel schema',
    description:
      'Build the new schema next to the old one, keep it in sync (triggers or logical replication), route reads and then writes to it behind a feature flag, and retire the old schema once both agree.',
    phases: ['preparation', 'setup', 'bulk_copy', 'delta_sync', 'validation', 'cutover', 'cleanup'],
    baseDurationHours: 72,
    complexityMultiplier: { low: 1.0, medium: 1.5, high: 2.5, critical: 4.0 },
    whenToUse: [
      'Restructuring too deep for in-place expand/contract (table splits, new keys, normalisation)',
      'Zero downtime with a need to compare old and new side by side before switching',
      'High-complexity schema changes with zero downtime tolerance (pattern selection matrix)',
    ],
    recommendedWhen: [
      {
        complexity: ['high', 'critical'],
        downtime: ['zero'],
        reason:
          'A whole new schema kept in sync beside the old lets you verify before switching and switch back by flag (selection matrix: schema change, high complexity, zero downtime → parallel schema)',
      },
    ],
    contradictedBy: [{ fact: 'moves-database', reason: 'a parallel schema lives in the same database; moving to another server needs data_migration' }],
  },
  {
    id: 'data_migration',
    type: DATABASE,
    title: 'Bulk copy with change data capture',
    description:
      'Move data to a new database: copy what exists (bulk copy), stream what changes (delta sync through logical replication or CDC), prove both sides match, then switch traffic.',
    phases: ['assessment', 'setup', 'bulk_copy', 'delta_sync', 'validation', 'cutover'],
    // Validating the copied data needs only the copy: it runs while changes stream.
    dependencies: { validation: ['bulk_copy'], cutover: ['delta_sync', 'validation'] },
    baseDurationHours: 48,
    complexityMultiplier: { low: 1.2, medium: 2.0, high: 3.0, critical: 5.0 },
    whenToUse: [
      'Moving to a new server, cloud provider or PostgreSQL major version',
      'Restructuring data so that the new database cannot simply be the old one altered',
      'Data sets too large to dump and restore within the downtime budget',
      'Some downtime tolerance at cutover (seconds to minutes while writes drain)',
    ],
    recommendedWhen: [
      {
        complexity: ['medium', 'high', 'critical'],
        downtime: ['some'],
        reason:
          'Copy, stream changes, verify, then switch in a short window (selection matrix: data migration, high complexity, some downtime; the catalog names event sourcing, which needs an event-sourced application — CDC gives the same replayable stream without one)',
      },
    ],
    favouredBy: [
      { fact: 'moves-database', reason: 'the data moves to another server: copy, stream the changes, then switch in minutes' },
      { fact: 'cross-region', reason: 'logical replication carries the changes across regions while the copy catches up' },
    ],
  },
];
