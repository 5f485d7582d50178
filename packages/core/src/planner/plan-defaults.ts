/** Type-agnostic parts of every plan; plugins refine the rest. */

export const DEFAULT_PHASE_ROLLBACK_TRIGGERS = [
  'Critical system failure',
  'Data corruption detected',
  'Performance degradation > 50%',
  'Business process failure',
];

export const DEFAULT_PHASE_RESOURCES = [
  'Technical team availability',
  'System access and permissions',
  'Monitoring and alerting systems',
  'Communication channels',
];

export const PLAN_ROLLBACK_TRIGGERS = [
  'Critical system failure',
  'Data corruption detected',
  'Migration timeline exceeded by > 50%',
  'Business-critical functionality unavailable',
  'Security breach detected',
  'Stakeholder decision to abort',
];

export const ROLLBACK_DECISION_MATRIX = {
  low_severity: 'Continue with monitoring',
  medium_severity: 'Assess and decide within 15 minutes',
  high_severity: 'Immediate rollback initiation',
  critical_severity: 'Emergency rollback - all hands',
};

export const ROLLBACK_CONTACTS = ['Migration Lead', 'Technical Lead', 'Business Owner', 'On-call Engineer'];
