import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION_MATRIX, escalationMatrixWith } from '../src/index.js';

describe("core's escalation matrix and a type's differences", () => {
  it('is pinned as literals', () => {
    expect(DEFAULT_ESCALATION_MATRIX).toEqual({
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
    });
  });

  it('keeps what a type leaves out and applies what it changes, in place', () => {
    const matrix = escalationMatrixWith({
      level_1: { trigger: 'One step fails', response_time_minutes: 10, contacts: { first: ['a'], last: ['z'] } },
      level_3: { actions: { after: { 'Emergency rollback': ['Freeze'], 'Executive notification': ['Post-mortem'] } } },
    });
    expect(matrix.level_1).toEqual({
      trigger: 'One step fails',
      response_time_minutes: 10,
      contacts: ['a', 'on_call_engineer', 'migration_lead', 'z'],
      actions: ['Investigate issue', 'Attempt automated remediation', 'Monitor closely'],
    });
    expect(matrix.level_3!.actions).toEqual(['Emergency rollback', 'Freeze', 'All hands on deck', 'Executive notification', 'Post-mortem']);
    expect(matrix.level_2).toEqual(DEFAULT_ESCALATION_MATRIX.level_2);
    expect(Object.keys(matrix)).toEqual(['level_1', 'level_2', 'level_3', 'emergency']);
    // Core's own matrix is untouched.
    expect(DEFAULT_ESCALATION_MATRIX.level_1!.contacts).toEqual(['on_call_engineer', 'migration_lead']);
  });

  it('refuses a level or an anchor entry core does not have, naming what it has', () => {
    expect(() => escalationMatrixWith({ level_9: { trigger: 'x' } })).toThrow(
      'escalation level "level_9" is not in core\'s matrix (level_1, level_2, level_3, emergency)',
    );
    expect(() => escalationMatrixWith({ level_3: { actions: { after: { 'Roll back': ['x'] } } } })).toThrow(
      'level_3.actions: "Roll back" is not in core\'s list (Emergency rollback; All hands on deck; Executive notification)',
    );
  });
});
