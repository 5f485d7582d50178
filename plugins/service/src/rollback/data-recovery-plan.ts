import type { DataRecoveryPlan } from '@migration-architect/core';

/**
 * A service's "data" to recover is its deployment state: manifests, config, secrets references,
 * routes and feature flags, captured before the migration. Business data belongs to the
 * database plugin's plan. (The seed gave every non-database type a generic file-copy restore.)
 */
export const serviceDataRecoveryPlan: DataRecoveryPlan = {
  recovery_method: 'deployment_state_restore',
  backup_location: 'git tag {pre_migration_tag} in the deployment repository, plus {backup_bucket}/pre-migration/{service_name}/',
  recovery_scripts: [
    '# Captured before the migration: kubectl get deployment,configmap,service,ingress,virtualservice -n {namespace} -l app={service_name} -o yaml > pre-migration-{service_name}.yaml',
    'kubectl apply -n {namespace} -f pre-migration-{service_name}.yaml',
    'kubectl rollout undo deployment/{service_name} -n {namespace} --to-revision={revision_number}',
    'kubectl rollout status deployment/{service_name} -n {namespace} --timeout=300s',
    "curl -fsS -X PUT {feature_flag_api}/flags/{flag_name} -H 'Content-Type: application/json' -d '{\"enabled\": false}'",
  ],
  data_validation_queries: [
    'kubectl diff -n {namespace} -f pre-migration-{service_name}.yaml',
    'kubectl get deployment/{service_name} -n {namespace} -o custom-columns=IMAGE:.spec.template.spec.containers[0].image --no-headers',
    'curl -fsS {feature_flag_api}/flags/{flag_name}',
    'curl -fsS {health_check_url}',
  ],
  estimated_recovery_time_minutes: 15,
  recovery_dependencies: [
    'Pre-migration manifests exported and stored with the change',
    'Previous image still present in the container registry',
    'Feature-flag service reachable',
    'Cluster credentials with rollout permissions for {namespace}',
  ],
};
