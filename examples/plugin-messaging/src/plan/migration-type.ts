import type { MigrationTypeInput } from '@migration-architect/core';

export const messagingType: MigrationTypeInput = {
  id: 'messaging',
  title: 'Message broker migration',
  description: 'Move producers and consumers from one message broker to another without losing or reordering messages.',
  defaultPlan: {
    phases: ['inventory', 'dual_publish', 'consumer_cutover', 'decommission'],
    baseDurationHours: 96,
    complexityMultiplier: { low: 0.75, medium: 1, high: 1.75, critical: 2.5 },
  },
  successCriteria: [
    'Every topic has its counterpart on the new broker with matching partition counts and retention',
    'Message counts per topic match between brokers for the dual-publish window',
    'All consumer groups read from the new broker with lag under the agreed threshold',
    'No producer writes to the old broker',
  ],
  stakeholders: ['Platform Team', 'Producer service owners', 'Consumer service owners', 'SRE Team'],
  validationCommands: [
    'kafka-consumer-groups.sh --bootstrap-server $OLD_BROKER --describe --all-groups',
    'pulsar-admin topics stats persistent://public/default/$TOPIC',
    'kafka-topics.sh --bootstrap-server $OLD_BROKER --describe',
  ],
  validationChecklist: [
    'Consumers read from the old broker again with lag draining',
    'Producers write only to the old broker',
    "No messages were lost: per-topic counts match the producers' own counters",
  ],
  dataRecoveryPlan: {
    recovery_method: 'offset_replay',
    backup_location: 'old broker topics (retention must cover the migration window)',
    recovery_scripts: [
      'kafka-consumer-groups.sh --bootstrap-server $OLD_BROKER --group $GROUP --reset-offsets --to-datetime $CUTOVER_TIME --execute --all-topics',
    ],
    data_validation_queries: ['kafka-consumer-groups.sh --bootstrap-server $OLD_BROKER --describe --group $GROUP'],
    estimated_recovery_time_minutes: 30,
    recovery_dependencies: ['old broker still running', 'retention longer than the time since cutover'],
  },
};
