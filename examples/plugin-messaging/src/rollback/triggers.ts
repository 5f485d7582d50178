import type { TriggerTemplateInput } from '@migration-architect/core';

export function messagingTriggers(maxConsumerLag: number): TriggerTemplateInput[] {
  return [
    {
      id: 'consumer-lag',
      type: 'messaging',
      name: 'Consumer lag growing',
      condition: `consumer_lag > ${maxConsumerLag} messages for 10 minutes`,
      metricThreshold: { metric: 'consumer_lag', operator: 'greater_than', value: maxConsumerLag, duration_minutes: 10 },
      evaluationWindowMinutes: 10,
      autoExecute: false,
      escalationContacts: ['platform_team', 'consumer_owners'],
    },
  ];
}
