import { escalationMatrixWith, type EscalationMatrix } from '@migration-architect/core';

/** Core's matrix with the DBA team brought in from level 2: most database failures need one. */
export const databaseEscalationMatrix: EscalationMatrix = escalationMatrixWith({
  level_2: {
    trigger: 'Multiple component failures, lock contention or replication lag, or a single critical failure',
    contacts: { first: ['dba_team'] },
    actions: { first: ['Cancel blocking migration sessions'] },
  },
  level_3: {
    contacts: { first: ['dba_team'] },
    actions: { after: { 'Emergency rollback': ['Stop writes and prepare point-in-time recovery'] } },
  },
  emergency: { contacts: { last: ['dba_team'] } },
});
