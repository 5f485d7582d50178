import type { RollbackStepTemplateInput, RollbackTemplateInput } from '@migration-architect/core';

/**
 * Rollback steps for every service phase. The seed had steps only for phases whose name contains
 * "cutover"; every other phase got a bare validation step. `{placeholders}` are deployment-specific
 * values the operator fills in.
 */

const DISABLE_FLAG = "curl -fsS -X PUT {feature_flag_api}/flags/{flag_name} -H 'Content-Type: application/json' -d '{\"enabled\": false}'";

// Steps shared by phases that do the same thing to production.
const disableMigrationFlag: RollbackStepTemplateInput = {
  key: 'disable_flag',
  name: 'Turn the migration feature flag off',
  description: 'Set the migration flag back to off so every request takes the pre-migration path',
  scriptType: 'api',
  script: DISABLE_FLAG,
  estimatedDurationMinutes: 2,
  validationCommands: ['curl -fsS {feature_flag_api}/flags/{flag_name}'],
  successCriteria: ['Flag reports enabled=false', 'Requests carry the legacy version header'],
  failureEscalation: 'Change the flag in the flag service UI; if it is down, escalate to the platform team',
};

const captureNewVersionLogs: RollbackStepTemplateInput = {
  key: 'capture_logs',
  name: 'Capture logs of the new version',
  description: "Save the new version's logs and events before scaling it down, for the post-mortem",
  scriptType: 'bash',
  script:
    'kubectl logs deployment/{new_deployment} -n {namespace} --all-containers --since=2h > rollback-{new_deployment}.log && kubectl get events -n {namespace} --field-selector involvedObject.kind=Pod > rollback-events.log',
  estimatedDurationMinutes: 3,
  successCriteria: ['Log and event files saved with the incident'],
  failureEscalation: 'Continue the rollback; note the missing logs in the incident record',
};

const scaleNewVersionToZero: RollbackStepTemplateInput = {
  key: 'scale_down_new',
  name: 'Scale the new version to zero',
  description: "Stop the new version's pods; its manifests stay so the next attempt starts from them",
  scriptType: 'bash',
  script: 'kubectl scale deployment/{new_deployment} -n {namespace} --replicas=0',
  estimatedDurationMinutes: 3,
  validationCommands: ['kubectl get deployment/{new_deployment} -n {namespace} -o custom-columns=REPLICAS:.status.replicas --no-headers'],
  successCriteria: ['No pod of the new version running'],
  failureEscalation: 'Delete the deployment by hand (kubectl delete deployment/{new_deployment}); escalate to the platform team if pods remain',
};

const restoreLoadBalancerRule: RollbackStepTemplateInput = {
  key: 'restore_lb_rule',
  name: 'Redirect traffic back to old service',
  description: 'Update load balancer to route traffic back to previous service version',
  scriptType: 'bash',
  script: 'aws elbv2 modify-rule --rule-arn {rule_arn} --actions Type=forward,TargetGroupArn={original_target_group}',
  estimatedDurationMinutes: 2,
  validationCommands: ['aws elbv2 describe-rules --rule-arns {rule_arn} --query "Rules[0].Actions[0].TargetGroupArn"', 'curl -fsS {health_check_url}'],
  successCriteria: ['Traffic routing to original service', 'Health checks passing'],
  failureEscalation: 'Emergency procedure - manual traffic routing in the load balancer console',
};

const undoDeployment: RollbackStepTemplateInput = {
  key: 'undo_rollout',
  name: 'Rollback service deployment',
  description: 'Revert the deployment to the revision that ran before the migration',
  scriptType: 'bash',
  script:
    'kubectl rollout undo deployment/{service_name} -n {namespace} --to-revision={revision_number} && kubectl rollout status deployment/{service_name} -n {namespace} --timeout=300s',
  estimatedDurationMinutes: 10,
  validationCommands: ['kubectl get pods -n {namespace} -l app={service_name} --field-selector=status.phase=Running'],
  successCriteria: ['Previous version deployed', 'All pods running'],
  failureEscalation: 'Manual pod management required: apply the pre-migration manifest',
};

const routeAllToLegacy: RollbackStepTemplateInput = {
  key: 'route_to_legacy',
  name: 'Route every request back to the legacy service',
  description: 'Set the facade route to send 100% of traffic to the legacy upstream',
  scriptType: 'bash',
  script:
    'kubectl patch virtualservice/{service_name} -n {namespace} --type merge -p \'{"spec": {"http": [{"route": [{"destination": {"host": "{legacy_host}"}, "weight": 100}]}]}}\'',
  estimatedDurationMinutes: 3,
  validationCommands: ['kubectl get virtualservice/{service_name} -n {namespace} -o yaml', 'curl -fsS -D - {service_endpoint}/api/v1/status -o /dev/null'],
  successCriteria: ['Route weights: legacy 100, new 0', 'Responses carry the legacy version header'],
  failureEscalation: 'Edit the route in the gateway by hand; escalate to the API gateway team',
};

const routeAllToStable: RollbackStepTemplateInput = {
  key: 'route_to_stable',
  name: 'Send all traffic to the stable version',
  description: 'Set the canary weight to 0 so the stable deployment serves every request',
  scriptType: 'bash',
  script:
    'kubectl patch virtualservice/{service_name} -n {namespace} --type merge -p \'{"spec": {"http": [{"route": [{"destination": {"host": "{service_name}", "subset": "stable"}, "weight": 100}, {"destination": {"host": "{service_name}", "subset": "canary"}, "weight": 0}]}]}}\'',
  estimatedDurationMinutes: 2,
  validationCommands: ['kubectl get virtualservice/{service_name} -n {namespace} -o yaml'],
  successCriteria: ['Canary weight 0', 'Canary request rate drops to zero on the dashboard'],
  failureEscalation: 'Abort the rollout in the rollout controller (kubectl argo rollouts abort {service_name}); escalate to the platform team',
};

const scaleCanaryToZero: RollbackStepTemplateInput = {
  key: 'scale_canary',
  name: 'Scale the canary to zero',
  description: 'Remove the canary pods once no traffic reaches them',
  scriptType: 'bash',
  script: 'kubectl scale deployment {service_name}-canary -n {namespace} --replicas=0',
  estimatedDurationMinutes: 2,
  validationCommands: ['kubectl get pods -n {namespace} -l app={service_name},version=canary --no-headers'],
  successCriteria: ['No canary pod running'],
  failureEscalation: 'Delete the canary deployment by hand',
};

const rollbackTemplate = (
  id: string,
  phases: string[],
  steps: RollbackStepTemplateInput[],
  extra: Pick<RollbackTemplateInput, 'prerequisites' | 'communicationRequirements'> = {},
): RollbackTemplateInput => ({ id, type: 'service', phases, steps, ...extra });

const TRAFFIC_PREREQUISITES = [
  'Traffic redirection capabilities confirmed',
  'Load balancer configuration backed up',
  'Previous version still deployed or its image still in the registry',
];
const TRAFFIC_COMMUNICATION = ['Immediate notification when traffic is redirected', 'Tell consumer teams which version serves them'];

export const serviceRollbacks: RollbackTemplateInput[] = [
  rollbackTemplate(
    'revert-preparation',
    ['preparation'],
    [
      disableMigrationFlag,
      {
        key: 'remove_migration_routes',
        name: 'Remove migration routing rules',
        description: 'Delete the routing rules created for the migration; the pre-migration routes stay as they were',
        scriptType: 'bash',
        script: 'kubectl delete virtualservice/{service_name}-migration -n {namespace} --ignore-not-found',
        estimatedDurationMinutes: 2,
        validationCommands: ['kubectl get virtualservice -n {namespace} -l migration={migration_label}'],
        successCriteria: ['No routing rule labelled with the migration id remains'],
        failureEscalation: 'Escalate to the API gateway team',
      },
    ],
  ),
  rollbackTemplate('remove-undeployed-version', ['deployment', 'deploy', 'provision_green'], [captureNewVersionLogs, scaleNewVersionToZero]),
  rollbackTemplate(
    'stop-verification',
    ['testing', 'verify_green'],
    [
      {
        key: 'stop_test_jobs',
        name: 'Stop load and contract test jobs',
        description: 'Stop every test job still sending synthetic traffic to the new version',
        scriptType: 'bash',
        script: 'kubectl delete job -n {namespace} -l purpose=migration-test --ignore-not-found',
        estimatedDurationMinutes: 2,
        validationCommands: ['kubectl get jobs -n {namespace} -l purpose=migration-test --no-headers'],
        successCriteria: ['No migration test job running'],
        failureEscalation: 'Stop the load generator at its source; escalate to the QA lead',
      },
      {
        key: 'purge_test_data',
        name: 'Remove synthetic test data',
        description: 'Delete users, orders or messages created by the tests, so they do not surface in production reports',
        scriptType: 'bash',
        script: 'kubectl create job --from=cronjob/{test_data_cleanup_cronjob} test-data-cleanup-{change_ticket} -n {namespace}',
        estimatedDurationMinutes: 10,
        validationCommands: ['kubectl wait --for=condition=complete job/test-data-cleanup-{change_ticket} -n {namespace} --timeout=600s'],
        successCriteria: ['Cleanup job completed', 'No test-tagged record left in production stores'],
        failureEscalation: 'Hand the list of test-tagged records to the data owner for manual removal',
      },
    ],
  ),
  rollbackTemplate('revert-cutover', ['cutover'], [restoreLoadBalancerRule, undoDeployment], {
    prerequisites: TRAFFIC_PREREQUISITES,
    communicationRequirements: TRAFFIC_COMMUNICATION,
  }),
  rollbackTemplate(
    'revert-intercept',
    ['intercept'],
    [
      {
        key: 'bypass_facade',
        name: 'Point clients straight at the legacy service',
        description: 'Restore the DNS record that sent clients to the legacy service before the facade existed',
        scriptType: 'bash',
        script: 'aws route53 change-resource-record-sets --hosted-zone-id {zone_id} --change-batch file://{legacy_dns_change_batch}',
        estimatedDurationMinutes: 5,
        validationCommands: ['dig +short {service_domain}'],
        successCriteria: ['DNS resolves to the legacy load balancer', 'Facade request rate falls to zero after the TTL'],
        failureEscalation: 'Contact the DNS administrator',
      },
      {
        key: 'remove_facade_route',
        name: 'Remove the facade route',
        description: 'Delete the gateway route added for the strangler facade once no client uses it',
        scriptType: 'bash',
        script: 'kubectl delete virtualservice/{service_name} -n {namespace} --ignore-not-found',
        estimatedDurationMinutes: 2,
        successCriteria: ['Facade route gone', 'Legacy error rate unchanged'],
        failureEscalation: 'Escalate to the API gateway team',
      },
    ],
    { communicationRequirements: TRAFFIC_COMMUNICATION },
  ),
  rollbackTemplate(
    'revert-implement',
    ['implement'],
    [
      {
        key: 'stop_dual_write',
        name: 'Stop data sync into the new service',
        description: "Turn off dual writes and sync jobs that feed the new service's store",
        scriptType: 'bash',
        script:
          "kubectl scale deployment/{sync_worker} -n {namespace} --replicas=0 && curl -fsS -X PUT {feature_flag_api}/flags/{dual_write_flag} -H 'Content-Type: application/json' -d '{\"enabled\": false}'",
        estimatedDurationMinutes: 5,
        validationCommands: ['curl -fsS {feature_flag_api}/flags/{dual_write_flag}'],
        successCriteria: ['No write reaches the new store', 'Legacy store remains the only source of truth'],
        failureEscalation: 'Escalate to the data owner before any further step',
      },
      { ...scaleNewVersionToZero, key: 'scale_down_dark' },
    ],
  ),
  rollbackTemplate('route-back-to-legacy', ['redirect', 'validate'], [disableMigrationFlag, routeAllToLegacy], {
    prerequisites: TRAFFIC_PREREQUISITES,
    communicationRequirements: TRAFFIC_COMMUNICATION,
  }),
  rollbackTemplate(
    'reconcile-new-writes',
    ['validate'],
    [
      {
        key: 'replay_writes',
        name: 'Replay writes made on the new service into the legacy store',
        description: 'Records created or changed through the new service since the redirect must exist in the legacy store before it is the only writer again',
        scriptType: 'manual',
        script:
          'Export records changed in the new store since {redirect_started_at}, load them into the legacy store with the reconciliation job, and compare counts and checksums per entity',
        estimatedDurationMinutes: 45,
        successCriteria: ['Counts and checksums match between stores for the migration window'],
        failureEscalation: 'Escalate to the data owner and the DBA on call; keep the legacy service read-only until resolved',
      },
    ],
  ),
  rollbackTemplate(
    'restore-legacy-service',
    ['retire'],
    [
      {
        key: 'scale_up_legacy',
        name: 'Scale the legacy service back up',
        description: 'Bring the retired legacy deployment back to its pre-retirement replica count',
        scriptType: 'bash',
        script:
          'kubectl scale deployment/{legacy_deployment} -n {namespace} --replicas={legacy_replicas} && kubectl rollout status deployment/{legacy_deployment} -n {namespace} --timeout=600s',
        estimatedDurationMinutes: 10,
        validationCommands: ['kubectl get pods -n {namespace} -l app={legacy_deployment} --field-selector=status.phase=Running'],
        successCriteria: ['Legacy pods ready'],
        failureEscalation: 'Re-apply the archived legacy manifests; escalate to the platform team',
      },
      {
        key: 'restore_legacy_routes',
        name: 'Restore the legacy routes at the facade',
        description: 'Re-apply the facade routes removed during retirement',
        scriptType: 'bash',
        script: 'kubectl apply -n {namespace} -f {legacy_route_manifest}',
        estimatedDurationMinutes: 3,
        validationCommands: ['curl -fsS -H "x-migration-route: legacy" {service_endpoint}/api/v1/status'],
        successCriteria: ['Legacy routes answer through the facade'],
        failureEscalation: 'Escalate to the API gateway team',
      },
    ],
  ),
  rollbackTemplate(
    'remove-parallel-run-scaffolding',
    ['setup'],
    [
      {
        key: 'remove_mirroring',
        name: 'Remove the mirroring configuration',
        description: 'Delete the traffic mirror and the comparison pipeline deployed for the parallel run',
        scriptType: 'bash',
        script:
          'kubectl delete -n {namespace} -f {mirroring_manifest} --ignore-not-found && kubectl delete deployment/{comparison_pipeline} -n {namespace} --ignore-not-found',
        estimatedDurationMinutes: 5,
        successCriteria: ['No mirror rule on the primary route', 'Comparison pipeline removed'],
        failureEscalation: 'Escalate to the platform team',
      },
    ],
  ),
  rollbackTemplate(
    'stop-shadow-traffic',
    ['shadow', 'compare'],
    [
      {
        key: 'disable_mirror',
        name: 'Stop mirroring traffic to the candidate',
        description: 'Remove the mirror from the primary route; clients never saw candidate responses, so this is the whole user-facing rollback',
        scriptType: 'bash',
        script: 'kubectl patch virtualservice/{service_name} -n {namespace} --type json -p \'[{"op": "remove", "path": "/spec/http/0/mirror"}]\'',
        estimatedDurationMinutes: 2,
        validationCommands: ['kubectl get virtualservice/{service_name} -n {namespace} -o custom-columns=MIRROR:.spec.http[0].mirror --no-headers'],
        successCriteria: ['Mirror removed', 'Candidate request rate drops to zero'],
        failureEscalation: 'Scale the candidate to zero to stop shadow processing; escalate to the platform team',
      },
      {
        key: 'audit_shadow_effects',
        name: 'Check downstream systems for shadow side effects',
        description: 'Confirm the candidate produced no external effect (payments, e-mails, writes) while mirrored',
        scriptType: 'manual',
        script:
          'Query the sandbox and production dependency logs for requests carrying the shadow header (x-shadow-request) since mirroring started; reverse any that reached production',
        estimatedDurationMinutes: 20,
        successCriteria: ['No shadow request reached a production side-effecting dependency, or each one is reversed'],
        failureEscalation: 'Escalate to the owners of the affected dependency and the incident commander',
      },
    ],
  ),
  rollbackTemplate(
    'restore-primary',
    ['cleanup'],
    [
      {
        key: 'restore_primary',
        name: 'Restore the old primary deployment',
        description: "Re-apply the old primary's manifests so traffic can move back to it",
        scriptType: 'bash',
        script:
          'kubectl apply -n {namespace} -f pre-migration-{service_name}.yaml && kubectl rollout status deployment/{primary_deployment} -n {namespace} --timeout=600s',
        estimatedDurationMinutes: 10,
        validationCommands: ['kubectl get deployment/{primary_deployment} -n {namespace}'],
        successCriteria: ['Old primary ready at its previous replica count'],
        failureEscalation: 'Escalate to the platform team',
      },
      restoreLoadBalancerRule,
    ],
    { prerequisites: TRAFFIC_PREREQUISITES, communicationRequirements: TRAFFIC_COMMUNICATION },
  ),
  rollbackTemplate(
    'switch-back-to-blue',
    ['switch_traffic'],
    [
      {
        key: 'select_blue',
        name: 'Switch the service selector back to blue',
        description: 'Point the production Service at the blue pods in one change',
        scriptType: 'bash',
        script: 'kubectl patch service {service_name} -n {namespace} -p \'{"spec": {"selector": {"version": "blue"}}}\'',
        estimatedDurationMinutes: 1,
        validationCommands: ['kubectl get endpoints {service_name} -n {namespace} -o wide', 'curl -fsS {health_check_url}'],
        successCriteria: ['Service endpoints are blue pods only', 'Health checks passing'],
        failureEscalation: 'Emergency procedure - manual traffic routing at the load balancer',
      },
    ],
    { prerequisites: TRAFFIC_PREREQUISITES, communicationRequirements: TRAFFIC_COMMUNICATION },
  ),
  rollbackTemplate(
    'restore-blue',
    ['retire_blue'],
    [
      {
        key: 'scale_up_blue',
        name: 'Scale blue back up',
        description: 'Bring blue back to its previous replica count so traffic can switch to it',
        scriptType: 'bash',
        script:
          'kubectl scale deployment/{service_name}-blue -n {namespace} --replicas={blue_replicas} && kubectl rollout status deployment/{service_name}-blue -n {namespace} --timeout=600s',
        estimatedDurationMinutes: 8,
        validationCommands: ['kubectl get pods -n {namespace} -l app={service_name},version=blue --field-selector=status.phase=Running'],
        successCriteria: ['Blue pods ready at the previous replica count'],
        failureEscalation: 'Re-apply the blue manifests from the deployment repository',
      },
      {
        key: 'select_blue_after_restore',
        name: 'Switch the service selector to blue',
        description: 'Move traffic to the restored blue pods',
        scriptType: 'bash',
        script: 'kubectl patch service {service_name} -n {namespace} -p \'{"spec": {"selector": {"version": "blue"}}}\'',
        estimatedDurationMinutes: 1,
        validationCommands: ['kubectl get endpoints {service_name} -n {namespace} -o wide'],
        successCriteria: ['Service endpoints are blue pods only'],
        failureEscalation: 'Emergency procedure - manual traffic routing at the load balancer',
      },
    ],
    { communicationRequirements: TRAFFIC_COMMUNICATION },
  ),
  rollbackTemplate('abort-canary', ['canary_release', 'canary_analysis', 'progressive_rollout'], [routeAllToStable, scaleCanaryToZero], {
    communicationRequirements: TRAFFIC_COMMUNICATION,
  }),
  rollbackTemplate(
    'revert-promotion',
    ['promote'],
    [{ ...undoDeployment, key: 'undo_stable_rollout', description: 'Revert the stable deployment to the image it ran before promotion' }],
    { prerequisites: TRAFFIC_PREREQUISITES, communicationRequirements: TRAFFIC_COMMUNICATION },
  ),
];
