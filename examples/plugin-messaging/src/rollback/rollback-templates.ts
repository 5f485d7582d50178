import type { RollbackTemplateInput } from '@migration-architect/core';

export const messagingRollbacks: RollbackTemplateInput[] = [
  {
    id: 'remove-target-topics',
    type: 'messaging',
    phases: ['inventory', 'provision', 'mirror'],
    steps: [
      {
        key: 'stop_replication',
        name: 'Stop replication',
        description: 'Stop the replicator so nothing more is copied',
        scriptType: 'bash',
        script: 'kubectl scale deployment/{replicator_deployment} --replicas=0',
        estimatedDurationMinutes: 5,
        successCriteria: ['Replicator stopped'],
        failureEscalation: 'Platform on-call',
      },
      {
        key: 'delete_topics',
        name: 'Delete target topics',
        description: 'Remove the topics created on the new broker',
        scriptType: 'bash',
        script: 'pulsar-admin topics delete-partitioned-topic persistent://public/default/{topic}',
        estimatedDurationMinutes: 10,
        successCriteria: ['No target topics remain'],
        failureEscalation: 'Platform on-call',
      },
    ],
  },
  {
    id: 'stop-dual-publish',
    type: 'messaging',
    phases: ['dual_publish', 'producer_cutover'],
    steps: [
      {
        key: 'old_broker_only',
        name: 'Producers back to the old broker only',
        description: 'Flip the producer flag back to single-write on the old broker',
        scriptType: 'api',
        script: 'curl -X PUT $FLAGS_API/flags/messaging-dual-write -d \'{"enabled": false}\'',
        estimatedDurationMinutes: 5,
        validationCommands: ['kafka-topics.sh --bootstrap-server $OLD_BROKER --describe'],
        successCriteria: ['Old broker receives all messages again'],
        failureEscalation: 'Producer service owners',
      },
    ],
  },
  {
    id: 'consumers-back',
    type: 'messaging',
    phases: ['consumer_cutover'],
    steps: [
      {
        key: 'reset_offsets',
        name: 'Move consumer groups back',
        description: 'Start each group on the old broker from the cutover time',
        scriptType: 'bash',
        script: 'kafka-consumer-groups.sh --bootstrap-server $OLD_BROKER --group {group} --reset-offsets --to-datetime {cutover_time} --execute --all-topics',
        estimatedDurationMinutes: 15,
        successCriteria: ['Every group consumes from the old broker', 'Lag draining'],
        failureEscalation: 'Consumer service owners and Platform on-call',
      },
    ],
  },
  {
    id: 'restart-old-broker',
    type: 'messaging',
    phases: ['decommission'],
    steps: [
      {
        key: 'restore_cluster',
        name: 'Bring the old cluster back',
        description: 'Scale the old brokers back up from their retained volumes',
        scriptType: 'bash',
        script: 'kubectl scale statefulset/{old_broker_statefulset} --replicas={broker_count}',
        estimatedDurationMinutes: 30,
        successCriteria: ['All old brokers in sync'],
        failureEscalation: 'Platform on-call',
      },
    ],
  },
];
