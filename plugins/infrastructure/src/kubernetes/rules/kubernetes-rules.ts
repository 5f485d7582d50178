import { defineRule, type CompatibilityRuleInput, type RuleOutcome } from '@migration-architect/core';
import { API_REMOVALS_SOURCE, DEFAULT_TARGET_VERSION } from '../catalog/api-removals.js';
import type { KubernetesChange, KubernetesChangeDetails } from '../diff/kubernetes-diff.js';
import type { KubernetesManifests } from '../manifests/kubernetes-model.js';

type KubernetesRule = CompatibilityRuleInput<KubernetesManifests, KubernetesChange>;

const DOCS = 'https://github.com/migration-architect/migration-architect/blob/main/docs/rules/kubernetes.md';
const FILE = 'manifests.yaml';
const d = (change: KubernetesChange) => change.details!;
const ns = (det: KubernetesChangeDetails) => (det.namespace ? ` -n ${det.namespace}` : '');
const ref = (det: KubernetesChangeDetails) => `${det.kind.toLowerCase()}/${det.name}`;

function outcome(
  description: string,
  impact: string,
  suggestedMigration: string,
  script?: { content: string; rollback: string; description: string },
): RuleOutcome {
  // Renderers add their own full stop.
  return {
    description: description.replace(/\.$/, ''),
    impact,
    suggestedMigration,
    affectedOperations: ['kubectl apply'],
    ...(script
      ? {
          script: {
            script_type: 'shell',
            description: script.description,
            script_content: script.content,
            rollback_script: script.rollback,
            dependencies: [],
            validation_query: 'kubectl diff -f <after manifests>',
          },
        }
      : {}),
  };
}

const yaml = (...docs: string[]) => docs.join('---\n');
const pvc = (size: string, cls = 'gp3') =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: shop\nspec:\n  storageClassName: ${cls}\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: ${size}\n`;
const deployment = (extra: { image?: string; replicas?: number; app?: string } = {}) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: ${extra.replicas ?? 3}\n  selector:\n    matchLabels:\n      app: ${extra.app ?? 'web'}\n  template:\n    metadata:\n      labels:\n        app: ${extra.app ?? 'web'}\n    spec:\n      containers:\n        - name: web\n          image: ${extra.image ?? 'shop/web:1.4.0'}\n`;
const service = (ports: number[]) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n${ports.map((p) => `    - name: p${p}\n      port: ${p}\n`).join('')}`;
const crd = (versions: { name: string; storage: boolean }[]) =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: backups.acme.io\nspec:\n  group: acme.io\n  names: { kind: Backup, plural: backups }\n  scope: Namespaced\n  versions:\n${versions.map((v) => `    - name: ${v.name}\n      served: true\n      storage: ${v.storage}\n      schema: { openAPIV3Schema: { type: object } }\n`).join('')}`;
const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  mode: fast\n';
const pdb =
  'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels:\n      app: web\n';
const ingress = (paths: string[]) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n${paths.map((p) => `          - path: ${p}\n            pathType: Prefix\n            backend: { service: { name: web, port: { number: 80 } } }\n`).join('')}`;
const cronJob = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: CronJob\nmetadata:\n  name: nightly\n  namespace: shop\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: job\n              image: shop/nightly:1\n`;
const example = (before: string, after: string, name?: string) => ({ ...(name ? { name } : {}), fileName: FILE, before, after });

const deleted = (kind: string) => (change: KubernetesChange) => d(change).kind === kind;

export const kubernetesRules: KubernetesRule[] = [
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'persistent-volume-claim-deleted',
    code: 'KUB101',
    issueType: 'persistent_volume_claim_deleted',
    change: 'object.removed',
    when: deleted('PersistentVolumeClaim'),
    severity: 'breaking',
    title: 'PersistentVolumeClaim deleted',
    description:
      'A PersistentVolumeClaim leaves the manifests: pruned (kubectl apply --prune, Argo CD, Flux, Helm), it is deleted, and with the default reclaim policy of dynamically provisioned volumes (Delete) its volume and data go with it.',
    safeAlternative:
      "Set the bound PersistentVolume's persistentVolumeReclaimPolicy to Retain before the claim goes, or keep the claim (helm.sh/resource-policy: keep, argocd.argoproj.io/sync-options: Prune=false).",
    rollback:
      "With Retain: clear the volume's claimRef and bind a new claim to it (spec.volumeName). With Delete: restore from a volume snapshot or backup (Velero).",
    docsUrl: `${DOCS}#kub101-persistent-volume-claim-deleted`,
    examples: [example(yaml(pvc('10Gi'), configMap), configMap)],
    classify: (change) => {
      const det = d(change);
      return outcome(
        `PersistentVolumeClaim ${det.namespace ? `${det.namespace}/` : ''}${det.name} is gone from the manifests; pruning deletes it and, unless its volume is set to Retain, the data.`,
        'The volume and its data are deleted; pods that mount it do not start.',
        'Patch the bound volume to Retain first.',
        {
          description: 'Keep the volume when the claim goes',
          content: `kubectl patch pv "$(kubectl get pvc ${det.name}${ns(det)} -o jsonpath='{.spec.volumeName}')" -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`,
          rollback: `kubectl patch pv <volume> -p '{"spec":{"claimRef":null}}'  # then create the claim again with spec.volumeName: <volume>`,
        },
      );
    },
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'namespace-deleted',
    code: 'KUB102',
    issueType: 'namespace_deleted',
    change: 'object.removed',
    when: deleted('Namespace'),
    severity: 'breaking',
    title: 'Namespace deleted',
    description:
      'A Namespace leaves the manifests: deleting it deletes every object in it, claims and their volumes included, whether the manifests list them or not.',
    safeAlternative: 'Move or back up what lives in the namespace first; remove the Namespace object last, in its own change.',
    rollback: 'Recreate the namespace and restore its objects and volumes from backup (Velero); nothing comes back by itself.',
    docsUrl: `${DOCS}#kub102-namespace-deleted`,
    examples: [example(yaml(namespace, configMap), configMap)],
    classify: (change) =>
      outcome(
        `Namespace ${d(change).name} is gone from the manifests; deleting it deletes everything inside it.`,
        'Every object in the namespace is deleted.',
        'Back up the namespace first (velero backup create --include-namespaces).',
        {
          description: 'Back up the namespace before it goes',
          content: `velero backup create before-${d(change).name} --include-namespaces ${d(change).name}`,
          rollback: `velero restore create --from-backup before-${d(change).name}`,
        },
      ),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'custom-resource-definition-deleted',
    code: 'KUB103',
    issueType: 'custom_resource_definition_deleted',
    change: 'object.removed',
    when: deleted('CustomResourceDefinition'),
    severity: 'breaking',
    title: 'CustomResourceDefinition deleted',
    description:
      'A CRD leaves the manifests: deleting it deletes every custom resource of that type in the cluster, and the operators that own them act on it.',
    safeAlternative: 'Export the custom resources and migrate them first; keep the CRD until none is left.',
    rollback: 'Re-apply the CRD and restore the custom resources from the export or backup.',
    docsUrl: `${DOCS}#kub103-custom-resource-definition-deleted`,
    examples: [example(yaml(crd([{ name: 'v1', storage: true }]), configMap), configMap)],
    classify: (change) =>
      outcome(
        `CustomResourceDefinition ${d(change).name} is gone; every resource of that type is deleted with it.`,
        'All custom resources of the type are deleted.',
        'Export them first.',
        {
          description: 'Export every resource of the type first',
          content: `kubectl get ${d(change).name} --all-namespaces -o yaml > ${d(change).name}.backup.yaml`,
          rollback: `kubectl apply -f <crd>.yaml && kubectl apply -f ${d(change).name}.backup.yaml`,
        },
      ),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'client-facing-object-deleted',
    code: 'KUB104',
    issueType: 'client_facing_object_deleted',
    change: 'object.removed',
    when: (change) => ['Service', 'Ingress', 'StatefulSet', 'PersistentVolume'].includes(d(change).kind),
    severity: 'potentially_breaking',
    title: 'Service, Ingress, StatefulSet or PersistentVolume deleted',
    description: 'A Service or Ingress that clients reach, or a StatefulSet (its claims stay, orphaned) or PersistentVolume leaves the manifests.',
    safeAlternative: 'Move clients to the replacement first; for a StatefulSet, decide what happens to its claims.',
    rollback: 'Re-apply the previous manifests (git revert); a Service gets a new cluster IP.',
    docsUrl: `${DOCS}#kub104-client-facing-object-deleted`,
    examples: [example(yaml(service([80]), configMap), configMap)],
    classify: (change) => outcome(`${change.subject} is gone from the manifests.`, 'Clients that reach it fail.', 'Move clients first.'),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'pod-disruption-budget-removed',
    code: 'KUB105',
    issueType: 'pod_disruption_budget_removed',
    change: 'object.removed',
    when: deleted('PodDisruptionBudget'),
    severity: 'potentially_breaking',
    title: 'PodDisruptionBudget removed',
    description: 'Without its PodDisruptionBudget, a node drain or cluster upgrade may evict every pod of the workload at once.',
    safeAlternative: 'Keep a budget for every workload that serves traffic; replace it before removing it.',
    rollback: 'Re-apply the budget.',
    docsUrl: `${DOCS}#kub105-pod-disruption-budget-removed`,
    examples: [example(yaml(deployment(), pdb), deployment())],
    classify: (change) => outcome(`PodDisruptionBudget ${d(change).name} is removed.`, 'Drains can take the workload down.', 'Keep a budget.'),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'object-deleted',
    code: 'KUB106',
    issueType: 'object_deleted',
    change: 'object.removed',
    severity: 'non_breaking',
    title: 'Object deleted',
    description: 'An object that holds no data leaves the manifests (deleted when pruned).',
    safeAlternative: 'Nothing to make safe.',
    rollback: 'Re-apply the previous manifests.',
    docsUrl: `${DOCS}#kub106-object-deleted`,
    examples: [example(yaml(deployment(), configMap), deployment())],
    classify: (change) => outcome(`${change.subject} is gone from the manifests.`, 'None expected.', 'None needed.'),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'api-version-removed',
    code: 'KUB111',
    issueType: 'api_version_removed',
    change: 'api.removed',
    severity: 'breaking',
    title: 'apiVersion removed in the target cluster version',
    description: `The object uses an apiVersion the target Kubernetes version no longer serves: the apply fails. Judged against --target-version, or ${DEFAULT_TARGET_VERSION} when none is named. Data: the Kubernetes deprecated API migration guide (${API_REMOVALS_SOURCE}).`,
    safeAlternative: 'Move the manifest to the replacement apiVersion (kubectl convert, or the migration notes in the guide) before upgrading the cluster.',
    rollback: 'Not applicable to the cluster: fix the manifest and apply again.',
    docsUrl: `${DOCS}#kub111-api-version-removed`,
    examples: [example(cronJob('batch/v1'), cronJob('batch/v1beta1'))],
    classify: (change) => {
      const det = d(change);
      const r = det.removal!;
      return outcome(
        `${change.subject} uses ${r.apiVersion}, removed in Kubernetes ${r.removedIn} (target ${det.targetVersion ?? `${DEFAULT_TARGET_VERSION}, the default: name --target-version`}); ${r.replacement ? `use ${r.replacement}` : 'no replacement'}${r.note ? ` (${r.note})` : ''}.`,
        'The API server refuses the object.',
        r.replacement ? `apiVersion: ${r.replacement}` : (r.note ?? 'Remove the object.'),
      );
    },
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'api-version-deprecated',
    code: 'KUB112',
    issueType: 'api_version_deprecated',
    change: 'api.deprecated',
    severity: 'potentially_breaking',
    title: 'apiVersion removed in a later Kubernetes version',
    description: `The object uses an apiVersion that the target version still serves but a later one removes: the next cluster upgrade breaks the apply. Data: ${API_REMOVALS_SOURCE}.`,
    safeAlternative: 'Move the manifest to the replacement apiVersion now.',
    rollback: 'Not applicable: fix the manifest.',
    docsUrl: `${DOCS}#kub112-api-version-deprecated`,
    examples: [{ ...example(cronJob('batch/v1'), cronJob('batch/v1beta1'), 'on a 1.24 cluster'), targetVersion: '1.24' }],
    classify: (change) => {
      const r = d(change).removal!;
      return outcome(
        `${change.subject} uses ${r.apiVersion}, removed in Kubernetes ${r.removedIn}; ${r.replacement ? `use ${r.replacement}` : 'no replacement'}.`,
        'A later upgrade breaks the apply.',
        r.replacement ? `apiVersion: ${r.replacement}` : 'Plan its removal.',
      );
    },
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'immutable-field-changed',
    code: 'KUB121',
    issueType: 'immutable_field_changed',
    change: 'field.immutable-changed',
    severity: 'breaking',
    title: 'Immutable field changed: delete and recreate',
    description:
      "A field the API server does not let change (a workload's selector, a StatefulSet's volumeClaimTemplates or serviceName, a Service's clusterIP, a Job's template, a claim's storage class, access modes or a smaller size) changes: the apply fails, and forcing it (--force, Replace=true) deletes and recreates the object, with downtime and, for claims, the data.",
    safeAlternative:
      'Create a new object under a new name beside the old one, move traffic or data, then delete the old one. For a StatefulSet: kubectl delete statefulset --cascade=orphan and re-apply, keeping pods and claims.',
    rollback: 'Re-apply the previous manifest; an object already recreated is recreated again.',
    docsUrl: `${DOCS}#kub121-immutable-field-changed`,
    examples: [
      example(deployment(), deployment({ app: 'web-v2' }), 'selector changed'),
      example(pvc('10Gi'), pvc('10Gi', 'io2'), 'storage class changed'),
      example(pvc('10Gi'), pvc('5Gi'), 'claim shrunk'),
    ],
    classify: (change) => {
      const det = d(change);
      return outcome(
        `${change.subject}: ${det.field} is immutable (${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}); the object must be deleted and recreated.`,
        det.kind === 'PersistentVolumeClaim'
          ? 'The claim is recreated: a new, empty volume.'
          : 'The apply fails; forced, the object is recreated with downtime.',
        det.kind === 'StatefulSet'
          ? `kubectl delete statefulset ${det.name}${ns(det)} --cascade=orphan, then apply.`
          : 'Create a new object beside the old one.',
      );
    },
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'crd-version-removed',
    code: 'KUB131',
    issueType: 'crd_version_removed',
    change: 'crd.version-removed',
    severity: 'breaking',
    title: 'CRD version removed or no longer served',
    description:
      'A version of a CustomResourceDefinition is removed or stops being served: clients and manifests using it fail, and objects stored in it must have been migrated first (status.storedVersions).',
    safeAlternative:
      'Serve both versions with a conversion webhook, migrate stored objects (kube-storage-version-migrator), drop the version from status.storedVersions, then remove it.',
    rollback: 'Serve the version again.',
    docsUrl: `${DOCS}#kub131-crd-version-removed`,
    examples: [
      example(
        crd([
          { name: 'v1alpha1', storage: false },
          { name: 'v1', storage: true },
        ]),
        crd([{ name: 'v1', storage: true }]),
      ),
    ],
    classify: (change) =>
      outcome(
        `${change.subject}: version ${change.before} ${change.after ? 'is no longer served' : 'is removed'}.`,
        'Clients of that version fail.',
        'Migrate stored objects first.',
      ),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'crd-storage-version-changed',
    code: 'KUB132',
    issueType: 'crd_storage_version_changed',
    change: 'crd.storage-version-changed',
    severity: 'potentially_breaking',
    title: 'CRD storage version changed',
    description:
      'Objects are written in a new version from now on; existing ones stay in the old one until rewritten. Removing the old version later needs them migrated.',
    safeAlternative: 'Keep serving the old version; run a storage migration before removing it.',
    rollback: 'Set storage back to the old version (objects written meanwhile stay in the new one).',
    docsUrl: `${DOCS}#kub132-crd-storage-version-changed`,
    examples: [
      example(
        crd([
          { name: 'v1alpha1', storage: true },
          { name: 'v1', storage: false },
        ]),
        crd([
          { name: 'v1alpha1', storage: false },
          { name: 'v1', storage: true },
        ]),
      ),
    ],
    classify: (change) =>
      outcome(`${change.subject}: storage version ${change.before} → ${change.after}.`, 'Stored objects are in two versions.', 'Run a storage migration.'),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'service-port-removed',
    code: 'KUB141',
    issueType: 'service_port_removed',
    change: 'service.port-removed',
    severity: 'breaking',
    title: 'Service port removed',
    description: 'A port of a Service is gone: clients connecting to it are refused.',
    safeAlternative: 'Add the new port beside the old one, move clients, remove the old port later.',
    rollback: 'Re-apply the previous Service.',
    docsUrl: `${DOCS}#kub141-service-port-removed`,
    examples: [example(service([80, 443]), service([443]))],
    classify: (change) =>
      outcome(
        `${change.subject}: port ${d(change).field?.replace(/^.*\[|\]$/g, '')} removed.`,
        'Clients of that port are refused.',
        'Keep the port until clients moved.',
      ),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'ingress-route-removed',
    code: 'KUB142',
    issueType: 'ingress_route_removed',
    change: 'ingress.rule-removed',
    severity: 'breaking',
    title: 'Ingress host or path removed',
    description: 'A host or path of an Ingress is gone: requests to it get 404 from the controller.',
    safeAlternative: 'Redirect the old path to the new one for a while, then remove it.',
    rollback: 'Re-apply the previous Ingress.',
    docsUrl: `${DOCS}#kub142-ingress-route-removed`,
    examples: [example(ingress(['/', '/api']), ingress(['/']))],
    classify: (change) => outcome(`${change.subject}: ${change.before} no longer routed.`, 'Requests get 404.', 'Redirect before removing.'),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'workload-scaled-to-zero',
    code: 'KUB151',
    issueType: 'workload_scaled_to_zero',
    change: 'workload.scaled-to-zero',
    severity: 'potentially_breaking',
    title: 'Workload scaled to zero',
    description: 'replicas becomes 0: every pod stops; the service has no endpoints.',
    safeAlternative: 'If the workload is retired, move traffic first and remove its Service too.',
    rollback: `kubectl scale --replicas=<previous>`,
    docsUrl: `${DOCS}#kub151-workload-scaled-to-zero`,
    examples: [example(deployment(), deployment({ replicas: 0 }))],
    classify: (change) =>
      outcome(`${change.subject}: replicas ${change.before} → 0.`, 'Every pod stops.', 'Move traffic first.', {
        description: 'Scale back',
        content: `kubectl scale ${ref(d(change))}${ns(d(change))} --replicas=0`,
        rollback: `kubectl scale ${ref(d(change))}${ns(d(change))} --replicas=${change.before}`,
      }),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'pods-rolled',
    code: 'KUB161',
    issueType: 'pods_rolled',
    change: 'workload.pods-rolled',
    severity: 'non_breaking',
    title: 'Pod template changed: a rolling restart',
    description: 'The pod template changes (image, env, probes, resources, labels): every pod of the workload is replaced, by its rollout strategy.',
    safeAlternative: 'Nothing to make safe with a readiness probe, several replicas and a PodDisruptionBudget; watch the rollout.',
    rollback: 'kubectl rollout undo on the workload.',
    docsUrl: `${DOCS}#kub161-pods-rolled`,
    examples: [example(deployment(), deployment({ image: 'shop/web:1.5.0' }))],
    classify: (change) => {
      const det = d(change);
      const fields = det.podChanges ?? [];
      return outcome(
        `${change.subject}: every pod restarts (${fields.slice(0, 6).join(', ')}${fields.length > 6 ? ', …' : ''}).`,
        'Rolling restart of every pod.',
        `kubectl rollout status ${ref(det)}${ns(det)}`,
        { description: 'Watch the rollout', content: `kubectl rollout status ${ref(det)}${ns(det)}`, rollback: `kubectl rollout undo ${ref(det)}${ns(det)}` },
      );
    },
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'object-changed',
    code: 'KUB171',
    issueType: 'object_changed',
    change: 'object.changed',
    severity: 'non_breaking',
    title: 'Object changed',
    description: 'Fields no other rule watches change. Secret values are never shown: only that they changed.',
    safeAlternative: 'Nothing to make safe.',
    rollback: 'Re-apply the previous manifests.',
    docsUrl: `${DOCS}#kub171-object-changed`,
    examples: [example(configMap, configMap.replace('fast', 'safe'))],
    classify: (change) =>
      outcome(
        `${change.subject}: ${(d(change).podChanges ?? []).slice(0, 8).join(', ')} changed.`,
        'None expected; pods that read it at start need a restart to see it.',
        'None needed.',
      ),
  }),
  defineRule<KubernetesManifests, KubernetesChange>({
    id: 'object-added',
    code: 'KUB181',
    issueType: 'object_added',
    change: 'object.added',
    severity: 'additive',
    title: 'Object added',
    description: 'A new object.',
    safeAlternative: 'Nothing to make safe.',
    rollback: 'Delete it (kubectl delete), or re-apply the previous manifests with pruning.',
    docsUrl: `${DOCS}#kub181-object-added`,
    examples: [example(configMap, yaml(configMap, pdb))],
    classify: (change) => outcome(`${change.subject} is added.`, 'None.', 'None needed.'),
  }),
];
