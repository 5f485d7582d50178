import type { EscalationMatrix } from '@migration-architect/core';

/** Who answers when an infrastructure rollback goes wrong: platform and network first, then the provider. */
export const infrastructureEscalationMatrix: EscalationMatrix = {
  level_1: {
    trigger: 'One resource fails to revert or one health check stays red',
    response_time_minutes: 5,
    contacts: ['on_call_engineer', 'platform_team'],
    actions: ['Re-run the failed terraform target', 'Check provider status page', 'Keep traffic where it is healthy'],
  },
  level_2: {
    trigger: 'Connectivity, DNS or routing cannot be restored',
    response_time_minutes: 2,
    contacts: ['network_team_lead', 'platform_lead', 'security_on_call'],
    actions: ['Restore routes and DNS by hand from the exported records', 'Open a war room', 'Open a priority case with the cloud provider'],
  },
  level_3: {
    trigger: 'Data loss, or neither environment can serve production',
    response_time_minutes: 1,
    contacts: ['engineering_manager', 'incident_commander', 'dba_on_call'],
    actions: ['Restore from snapshots', 'Freeze all infrastructure changes', 'Executive notification'],
  },
  emergency: {
    trigger: 'Outage of customer-facing systems beyond the allowed downtime',
    response_time_minutes: 0,
    contacts: ['cto', 'head_of_operations', 'cloud_provider_tam'],
    actions: ['Activate disaster recovery', 'Status page and customer communication', 'Provider escalation'],
  },
};
