import { describe, expect, it } from 'vitest';
import { databaseEscalationMatrix } from '../src/plan/escalation-matrix.js';

describe('the database escalation matrix (core’s, with the DBA team)', () => {
  it('is exactly this, pinned as literals', () => {
    expect(databaseEscalationMatrix).toEqual({
      level_1: {
        trigger: 'Single component failure',
        response_time_minutes: 5,
        contacts: ['on_call_engineer', 'migration_lead'],
        actions: ['Investigate issue', 'Attempt automated remediation', 'Monitor closely'],
      },
      level_2: {
        trigger: 'Multiple component failures, lock contention or replication lag, or a single critical failure',
        response_time_minutes: 2,
        contacts: ['dba_team', 'senior_engineer', 'team_lead', 'devops_lead'],
        actions: ['Cancel blocking migration sessions', 'Initiate rollback', 'Establish war room', 'Notify stakeholders'],
      },
      level_3: {
        trigger: 'System-wide failure or data corruption',
        response_time_minutes: 1,
        contacts: ['dba_team', 'engineering_manager', 'cto', 'incident_commander'],
        actions: ['Emergency rollback', 'Stop writes and prepare point-in-time recovery', 'All hands on deck', 'Executive notification'],
      },
      emergency: {
        trigger: 'Business-critical failure with customer impact',
        response_time_minutes: 0,
        contacts: ['ceo', 'cto', 'head_of_operations', 'dba_team'],
        actions: ['Emergency procedures', 'Customer communication', 'Media preparation if needed'],
      },
    });
  });

  it('keeps the key order of the runbook JSON (levels and fields)', () => {
    expect(JSON.stringify(Object.keys(databaseEscalationMatrix))).toBe('["level_1","level_2","level_3","emergency"]');
    expect(Object.keys(databaseEscalationMatrix.level_2!)).toEqual(['trigger', 'response_time_minutes', 'contacts', 'actions']);
  });
});
