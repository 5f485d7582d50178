import type { EscalationMatrix } from '@migration-architect/core';

/** Who answers when a service rollback goes wrong: the service's owners first, then platform and consumers. */
export const serviceEscalationMatrix: EscalationMatrix = {
  level_1: {
    trigger: 'One rollback step fails or one instance stays unhealthy',
    response_time_minutes: 5,
    contacts: ['on_call_engineer', 'service_owner'],
    actions: ['Retry the step once', 'Check pod events and logs', 'Keep traffic on the healthy version'],
  },
  level_2: {
    trigger: 'Traffic cannot be moved back, or consumers report errors after the switch-back',
    response_time_minutes: 2,
    contacts: ['sre_lead', 'api_gateway_team', 'service_owner'],
    actions: ['Route traffic by hand at the gateway or load balancer', 'Open a war room', 'Notify consumer teams'],
  },
  level_3: {
    trigger: 'Neither version serves correctly, or data written by the new version is inconsistent',
    response_time_minutes: 1,
    contacts: ['engineering_manager', 'incident_commander', 'dba_on_call'],
    actions: ['Serve a degraded or maintenance response', 'Freeze deploys', 'Start data reconciliation'],
  },
  emergency: {
    trigger: 'Customer-facing outage of the service beyond the allowed downtime',
    response_time_minutes: 0,
    contacts: ['cto', 'head_of_operations', 'customer_support_lead'],
    actions: ['Executive notification', 'Status page update', 'Customer communication'],
  },
};
