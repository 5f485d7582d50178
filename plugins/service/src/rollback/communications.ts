import type { CommunicationInput } from '@migration-architect/core';

/** Messages only a service rollback needs: the teams calling the service must know which version answers them. */
export const serviceCommunications: CommunicationInput[] = [
  {
    id: 'consumer-rollback-notice',
    type: 'service',
    templateType: 'rollback_start',
    audience: 'api_consumers',
    subject: 'Rollback in progress: {system_name} is moving back to the previous version',
    body: `Teams calling {system_name},

We are rolling back the migration {migration_name} (rollback {rollback_id}).
Estimated duration: {estimated_duration}

What you will see:
- Requests are served by the previous version again
- Endpoints and fields introduced by the new version may return 404 or be missing
- Sessions may have to be re-established if you were switched between versions

What to do:
- Retry idempotent requests that failed during the switch
- Do not release client changes that depend on the new version until we confirm a new date

Contact: {incident_commander}
`,
    urgency: 'high',
    deliveryMethods: ['email', 'slack', 'status_page'],
  },
];
