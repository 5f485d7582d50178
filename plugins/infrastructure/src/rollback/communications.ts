import type { CommunicationInput } from '@migration-architect/core';

/** Messages only an infrastructure rollback needs: partners and network operators see addresses change back. */
export const infrastructureCommunications: CommunicationInput[] = [
  {
    id: 'network-rollback-notice',
    type: 'infrastructure',
    templateType: 'rollback_start',
    audience: 'network_operations_and_partners',
    subject: 'Network rollback: {system_name} returns to its previous addresses',
    body: `Network operations and partners,

We are rolling back the infrastructure migration {migration_name} (rollback {rollback_id}).
Estimated duration: {estimated_duration}

What changes:
- DNS records return to their previous addresses; clients caching the new ones follow within the TTL
- Egress traffic comes from the previous IP addresses again

What to do:
- Keep the previous addresses in your allow-lists until we confirm the next attempt
- Report connection failures to the incident bridge: {conference_bridge}

Contact: {incident_commander}
`,
    urgency: 'high',
    deliveryMethods: ['email', 'slack'],
  },
];
