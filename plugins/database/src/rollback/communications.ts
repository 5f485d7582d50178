import { DATABASE, type CommunicationInput } from '../contribution-types.js';

export const databaseCommunications: CommunicationInput[] = [
  {
    id: 'dba_notification',
    type: DATABASE,
    templateType: 'rollback_start',
    audience: 'dba',
    subject: 'DB ROLLBACK: {migration_name} - DBA action required',
    body: `DBA team,

Rollback {rollback_id} has started for migration {migration_name} ({migration_id}).
Rolling back phase: {current_phase}
Estimated duration: {estimated_duration}

Before each step:
- Keep lock_timeout set on every session that runs DDL
- Check pg_stat_activity for lock waits and long transactions
- Check replication slots for retained WAL
- Keep the pre-migration backup, dump and restore point untouched

Report each completed step on the incident channel.

Incident Commander: {incident_commander}
`,
    urgency: 'high',
    deliveryMethods: ['slack', 'pager'],
  },
];
