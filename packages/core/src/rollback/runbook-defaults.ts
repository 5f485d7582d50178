import type { CommunicationTemplate, EmergencyContact, EscalationMatrix, TriggerCondition } from '../documents/runbook.js';

/**
 * The type-agnostic parts of every runbook (the seed's figures and wording, with its defects
 * fixed). Plugins add type-specific triggers, checklists, recovery plans and messages.
 */

export const GENERIC_TRIGGERS: TriggerCondition[] = [
  {
    trigger_id: 'error_rate_spike',
    name: 'Error Rate Spike',
    condition: 'error_rate > baseline * 5 for 5 minutes',
    metric_threshold: { metric: 'error_rate', operator: 'greater_than', value: 'baseline_error_rate * 5', duration_minutes: 5 },
    evaluation_window_minutes: 5,
    auto_execute: true,
    escalation_contacts: ['on_call_engineer', 'migration_lead'],
  },
  {
    trigger_id: 'response_time_degradation',
    name: 'Response Time Degradation',
    condition: 'p95_response_time > baseline * 3 for 10 minutes',
    metric_threshold: { metric: 'p95_response_time', operator: 'greater_than', value: 'baseline_p95 * 3', duration_minutes: 10 },
    evaluation_window_minutes: 10,
    auto_execute: false,
    escalation_contacts: ['performance_team', 'migration_lead'],
  },
  {
    trigger_id: 'availability_drop',
    name: 'Service Availability Drop',
    condition: 'availability < 95% for 2 minutes',
    metric_threshold: { metric: 'availability', operator: 'less_than', value: 0.95, duration_minutes: 2 },
    evaluation_window_minutes: 2,
    auto_execute: true,
    escalation_contacts: ['sre_team', 'incident_commander'],
  },
];

export const DEFAULT_ESCALATION_MATRIX: EscalationMatrix = {
  level_1: {
    trigger: 'Single component failure',
    response_time_minutes: 5,
    contacts: ['on_call_engineer', 'migration_lead'],
    actions: ['Investigate issue', 'Attempt automated remediation', 'Monitor closely'],
  },
  level_2: {
    trigger: 'Multiple component failures or single critical failure',
    response_time_minutes: 2,
    contacts: ['senior_engineer', 'team_lead', 'devops_lead'],
    actions: ['Initiate rollback', 'Establish war room', 'Notify stakeholders'],
  },
  level_3: {
    trigger: 'System-wide failure or data corruption',
    response_time_minutes: 1,
    contacts: ['engineering_manager', 'cto', 'incident_commander'],
    actions: ['Emergency rollback', 'All hands on deck', 'Executive notification'],
  },
  emergency: {
    trigger: 'Business-critical failure with customer impact',
    response_time_minutes: 0,
    contacts: ['ceo', 'cto', 'head_of_operations'],
    actions: ['Emergency procedures', 'Customer communication', 'Media preparation if needed'],
  },
};

export const BASE_VALIDATION_CHECKLIST = [
  'Verify system is responding to health checks',
  'Confirm error rates are within normal parameters',
  'Validate response times meet SLA requirements',
  'Check all critical business processes are functioning',
  'Verify monitoring and alerting systems are operational',
  'Confirm no data corruption has occurred',
  'Validate security controls are functioning properly',
  'Check backup systems are working correctly',
  'Verify integration points with downstream systems',
  'Confirm user authentication and authorization working',
];

export const POST_ROLLBACK_PROCEDURES = [
  'Monitor system stability for 24-48 hours post-rollback',
  'Conduct thorough post-rollback testing of all critical paths',
  'Review and analyze rollback metrics and timing',
  'Document lessons learned and rollback procedure improvements',
  'Schedule post-mortem meeting with all stakeholders',
  'Update rollback procedures based on actual experience',
  'Communicate rollback completion to all stakeholders',
  'Archive rollback logs and artifacts for future reference',
  'Review and update monitoring thresholds if needed',
  'Plan for next migration attempt with improved procedures',
  'Conduct security review to ensure no vulnerabilities introduced',
  'Update disaster recovery procedures if affected by rollback',
  'Review capacity planning based on rollback resource usage',
  'Update documentation with rollback experience and timings',
];

// The seed's addresses were mangled by an e-mail obfuscator ("[email protected]"); these are
// placeholders on the reserved example.com domain, to be replaced per organisation.
export const EMERGENCY_CONTACTS: EmergencyContact[] = [
  {
    role: 'Incident Commander',
    name: 'TBD - Assigned during migration',
    primary_phone: '+1-XXX-XXX-XXXX',
    email: 'incident-commander@example.com',
    backup_contact: 'incident-backup@example.com',
  },
  {
    role: 'Technical Lead',
    name: 'TBD - Migration technical owner',
    primary_phone: '+1-XXX-XXX-XXXX',
    email: 'tech-lead@example.com',
    backup_contact: 'engineering-manager@example.com',
  },
  {
    role: 'Business Owner',
    name: 'TBD - Business stakeholder',
    primary_phone: '+1-XXX-XXX-XXXX',
    email: 'business-owner@example.com',
    backup_contact: 'product-manager@example.com',
  },
  {
    role: 'On-Call Engineer',
    name: 'Current on-call rotation',
    primary_phone: '+1-XXX-XXX-XXXX',
    email: 'oncall@example.com',
    backup_contact: 'oncall-secondary@example.com',
  },
  {
    role: 'Executive Escalation',
    name: 'CTO/VP Engineering',
    primary_phone: '+1-XXX-XXX-XXXX',
    email: 'cto@example.com',
    backup_contact: 'vp-engineering@example.com',
  },
];

export const GENERIC_PREREQUISITES = [
  'Incident commander assigned and briefed',
  'All team members notified of rollback initiation',
  'Monitoring systems confirmed operational',
  'Backup systems verified and accessible',
];

export const GENERIC_COMMUNICATION_REQUIREMENTS = [
  'Notify incident commander of phase start/completion',
  'Update rollback status dashboard',
  'Log all actions and decisions',
];

export const HIGH_RISK_COMMUNICATION_REQUIREMENTS = [
  'Notify all stakeholders of phase progress',
  'Update executive team if rollback extends beyond expected time',
  'Prepare customer communication if needed',
];

/** Messages for every rollback; `{placeholders}` the plan can fill are filled by the generator. */
export const GENERIC_COMMUNICATIONS: CommunicationTemplate[] = [
  {
    template_type: 'rollback_start',
    audience: 'technical',
    subject: 'ROLLBACK INITIATED: {migration_name}',
    body: `Team,

We have initiated rollback for migration: {migration_name}
Rollback ID: {rollback_id}
Start Time: {start_time}
Estimated Duration: {estimated_duration}

Reason: {rollback_reason}

Current Status: Rolling back phase {current_phase}

Next Updates: Every 15 minutes or upon phase completion

Actions Required:
- Monitor system health dashboards
- Stand by for escalation if needed
- Do not make manual changes during rollback

Incident Commander: {incident_commander}
`,
    urgency: 'medium',
    delivery_methods: ['email', 'slack'],
  },
  {
    template_type: 'rollback_start',
    audience: 'business',
    subject: 'System Rollback In Progress - {system_name}',
    body: `Business Stakeholders,

We are currently performing a planned rollback of the {system_name} migration due to {rollback_reason}.

Impact: {business_impact}
Expected Resolution: {estimated_completion_time}
Affected Services: {affected_services}

We will provide updates every 30 minutes.

Contact: {business_contact}
`,
    urgency: 'medium',
    delivery_methods: ['email'],
  },
  {
    template_type: 'rollback_start',
    audience: 'executive',
    subject: 'EXEC ALERT: Critical System Rollback - {system_name}',
    body: `Executive Team,

A critical rollback is in progress for {system_name}.

Summary:
- Rollback Reason: {rollback_reason}
- Business Impact: {business_impact}
- Expected Resolution: {estimated_completion_time}
- Customer Impact: {customer_impact}

We are following established procedures and will update hourly.

Escalation: {escalation_contact}
`,
    urgency: 'high',
    delivery_methods: ['email'],
  },
  {
    template_type: 'rollback_complete',
    audience: 'technical',
    subject: 'ROLLBACK COMPLETED: {migration_name}',
    body: `Team,

Rollback has been successfully completed for migration: {migration_name}

Summary:
- Start Time: {start_time}
- End Time: {end_time}
- Duration: {actual_duration}
- Phases Completed: {completed_phases}

Validation Results:
{validation_results}

System Status: {system_status}

Next Steps:
- Continue monitoring for 24 hours
- Post-rollback review scheduled for {review_date}
- Root cause analysis to begin

All clear to resume normal operations.

Incident Commander: {incident_commander}
`,
    urgency: 'medium',
    delivery_methods: ['email', 'slack'],
  },
  {
    template_type: 'emergency_escalation',
    audience: 'executive',
    subject: 'CRITICAL: Rollback Emergency - {migration_name}',
    body: `CRITICAL SITUATION - IMMEDIATE ATTENTION REQUIRED

Migration: {migration_name}
Issue: Rollback procedure has encountered critical failures

Current Status: {current_status}
Failed Components: {failed_components}
Business Impact: {business_impact}
Customer Impact: {customer_impact}

Immediate Actions:
1. Emergency response team activated
2. {emergency_action_1}
3. {emergency_action_2}

War Room: {war_room_location}
Bridge Line: {conference_bridge}

Next Update: {next_update_time}

Incident Commander: {incident_commander}
Executive On-Call: {executive_on_call}
`,
    urgency: 'emergency',
    delivery_methods: ['email', 'sms', 'phone_call'],
  },
];
