import type { PatternInput } from '@migration-architect/core';

export function messagingPatterns(dualPublishHours: number): PatternInput[] {
  return [
    {
      id: 'dual_publish',
      type: 'messaging',
      title: 'Dual publishing',
      description: `Producers write to both brokers for ${dualPublishHours} h, consumers move group by group, then the old broker is drained and retired.`,
      phases: ['inventory', 'provision', 'dual_publish', 'consumer_cutover', 'producer_cutover', 'decommission'],
      baseDurationHours: 120 + dualPublishHours,
      complexityMultiplier: { low: 0.8, medium: 1, high: 1.6, critical: 2.5 },
      whenToUse: ['Consumers can tolerate duplicates (idempotent handlers)', 'Both brokers can run side by side for days'],
      recommendedWhen: [
        { complexity: ['medium', 'high', 'critical'], downtime: ['zero'], reason: 'Producers never stop, and each consumer group can move back on its own' },
      ],
    },
    {
      id: 'mirror_cutover',
      type: 'messaging',
      title: 'Mirror and cut over',
      description: 'A replicator (MirrorMaker, Pulsar geo-replication) copies topics; producers and consumers switch in one window.',
      phases: ['inventory', 'provision', 'mirror', 'consumer_cutover', 'producer_cutover', 'decommission'],
      baseDurationHours: 72,
      complexityMultiplier: { low: 0.8, medium: 1.2, high: 2, critical: 3 },
      whenToUse: ['Producers cannot be changed to write twice', 'A short pause in consumption is acceptable'],
      recommendedWhen: [{ complexity: ['low', 'medium'], downtime: ['some'], reason: 'Simplest when a short consumption pause is acceptable' }],
    },
  ];
}
