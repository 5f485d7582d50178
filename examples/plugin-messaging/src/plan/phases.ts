import type { PhaseTemplateInput } from '@migration-architect/core';

const phase = (
  id: string,
  description: string,
  riskLevel: PhaseTemplateInput['riskLevel'],
  tasks: string[],
  validationCriteria: string[],
): PhaseTemplateInput => ({
  id,
  type: 'messaging',
  description,
  riskLevel,
  tasks,
  validationCriteria,
});

export const messagingPhases: PhaseTemplateInput[] = [
  phase(
    'inventory',
    'List topics, producers, consumer groups and their guarantees',
    'low',
    [
      'Export topic configs (partitions, retention, compaction)',
      'Map every producer and consumer group to an owning team',
      'Record which consumers are idempotent',
      'Measure peak throughput per topic',
    ],
    ['Every topic has an owner and a target name', 'Non-idempotent consumers are listed with a dedup plan'],
  ),
  phase(
    'provision',
    'Create the target topics and access on the new broker',
    'medium',
    ['Create topics with the same partition counts and retention', 'Grant producer and consumer credentials', 'Set up dashboards for both brokers'],
    ['Target topics match the inventory', 'A test message round-trips on every topic'],
  ),
  phase(
    'mirror',
    'Replicate topics from the old broker to the new one',
    'medium',
    ['Start the replicator for every topic', 'Compare per-partition offsets and counts', 'Alert on replication lag'],
    ['Replication lag under a minute on every topic', 'Message counts match on both sides'],
  ),
  phase(
    'dual_publish',
    'Producers write every message to both brokers',
    'high',
    ['Deploy producers with dual-write behind a flag', 'Compare counts per topic per minute', 'Watch producer latency and error rates'],
    ['Counts match between brokers for a full business cycle', 'Producer p95 latency within budget'],
  ),
  phase(
    'consumer_cutover',
    'Move consumer groups to the new broker, one at a time',
    'critical',
    [
      'Pause a group, note its offset time, start it on the new broker from that time',
      'Check dedup for the overlap',
      'Move the next group only when lag is drained',
    ],
    ['Every group consumes from the new broker', 'Consumer lag under the threshold'],
  ),
  phase(
    'producer_cutover',
    'Producers stop writing to the old broker',
    'high',
    ['Turn off dual-write, new broker only', 'Confirm no writes reach the old broker'],
    ['Old broker receives no new messages', 'No producer errors'],
  ),
  phase(
    'decommission',
    'Drain and retire the old broker',
    'medium',
    ['Keep the old broker read-only for the retention window', 'Archive configs and credentials', 'Shut the old cluster down'],
    ['No client connects to the old broker', 'Costs of the old cluster stopped'],
  ),
];
