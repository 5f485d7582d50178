import type { RiskTemplateInput } from '@migration-architect/core';

export const messagingRisks: RiskTemplateInput[] = [
  {
    id: 'duplicate-delivery',
    type: 'messaging',
    category: 'technical',
    description: 'Consumers see messages twice during the overlap',
    probability: 'high',
    impact: 'medium',
    severity: 'medium',
    mitigation: 'Make handlers idempotent or deduplicate by message key and offset time',
    owner: 'Consumer service owners',
  },
  {
    id: 'ordering-lost',
    type: 'messaging',
    category: 'technical',
    description: 'Per-key ordering breaks when partition counts or keys differ between brokers',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation: 'Keep partition counts and key hashing identical',
    owner: 'Platform Team',
  },
  {
    id: 'zero-downtime',
    type: 'messaging',
    category: 'business',
    description: 'No consumption pause is allowed, so consumers must move while messages flow',
    probability: 'high',
    impact: 'medium',
    severity: 'high',
    mitigation: 'Use dual publishing and move consumer groups one at a time',
    owner: 'Platform Team',
    condition: 'constraints.max_downtime_minutes < 60',
    when: (spec) => (spec.constraints?.max_downtime_minutes ?? 480) < 60,
  },
];
