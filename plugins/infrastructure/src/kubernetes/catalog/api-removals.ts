/**
 * Kubernetes API versions removed from the API server, and the replacement to use. Carried over
 * from the Kubernetes Deprecated API Migration Guide
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/), releases 1.16 to 1.32.
 * `deprecatedIn` is the release whose API server first warns, where the guide states it.
 */
export interface ApiRemoval {
  apiVersion: string;
  kinds: string[];
  removedIn: string;
  deprecatedIn: string | null;
  /** The apiVersion to use instead; null when the API is gone without a replacement. */
  replacement: string | null;
  note?: string | undefined;
}

/** The cluster version judged against when `--target-version` is not given: the newest release the table covers. */
export const DEFAULT_TARGET_VERSION = '1.32';

export const API_REMOVALS_SOURCE = 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/';

const WORKLOADS = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'];

export const API_REMOVALS: ApiRemoval[] = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], removedIn: '1.16', deprecatedIn: null, replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removedIn: '1.16', deprecatedIn: null, replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: '1.16', deprecatedIn: null, replacement: 'policy/v1beta1' },
  { apiVersion: 'apps/v1beta1', kinds: WORKLOADS, removedIn: '1.16', deprecatedIn: null, replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kinds: WORKLOADS, removedIn: '1.16', deprecatedIn: null, replacement: 'apps/v1' },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    removedIn: '1.22',
    deprecatedIn: '1.16',
    replacement: 'admissionregistration.k8s.io/v1',
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kinds: ['CustomResourceDefinition'],
    removedIn: '1.22',
    deprecatedIn: '1.16',
    replacement: 'apiextensions.k8s.io/v1',
  },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], removedIn: '1.22', deprecatedIn: '1.19', replacement: 'apiregistration.k8s.io/v1' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], removedIn: '1.22', deprecatedIn: '1.19', replacement: 'authentication.k8s.io/v1' },
  {
    apiVersion: 'authorization.k8s.io/v1beta1',
    kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'],
    removedIn: '1.22',
    deprecatedIn: '1.19',
    replacement: 'authorization.k8s.io/v1',
  },
  {
    apiVersion: 'certificates.k8s.io/v1beta1',
    kinds: ['CertificateSigningRequest'],
    removedIn: '1.22',
    deprecatedIn: '1.19',
    replacement: 'certificates.k8s.io/v1',
  },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], removedIn: '1.22', deprecatedIn: '1.19', replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: '1.22', deprecatedIn: '1.14', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], removedIn: '1.22', deprecatedIn: '1.19', replacement: 'networking.k8s.io/v1' },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    removedIn: '1.22',
    deprecatedIn: '1.17',
    replacement: 'rbac.authorization.k8s.io/v1',
  },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], removedIn: '1.22', deprecatedIn: '1.14', replacement: 'scheduling.k8s.io/v1' },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    removedIn: '1.22',
    deprecatedIn: null,
    replacement: 'storage.k8s.io/v1',
  },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: '1.25', deprecatedIn: '1.21', replacement: 'batch/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], removedIn: '1.25', deprecatedIn: '1.21', replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], removedIn: '1.25', deprecatedIn: '1.19', replacement: 'events.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.25', deprecatedIn: '1.22', replacement: 'autoscaling/v2' },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodDisruptionBudget'],
    removedIn: '1.25',
    deprecatedIn: '1.21',
    replacement: 'policy/v1',
    note: 'an empty selector in policy/v1 selects every pod of the namespace',
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodSecurityPolicy'],
    removedIn: '1.25',
    deprecatedIn: '1.21',
    replacement: null,
    note: 'use Pod Security Admission or a third-party admission webhook',
  },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], removedIn: '1.25', deprecatedIn: '1.20', replacement: 'node.k8s.io/v1' },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    removedIn: '1.26',
    deprecatedIn: '1.23',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.26', deprecatedIn: '1.23', replacement: 'autoscaling/v2' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: '1.27', deprecatedIn: '1.24', replacement: 'storage.k8s.io/v1' },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    removedIn: '1.29',
    deprecatedIn: '1.26',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    removedIn: '1.32',
    deprecatedIn: '1.29',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
];

/** `1.32` → [1, 32]; anything else → undefined. */
export function parseKubernetesVersion(version: string): [number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export function versionAtLeast(version: string, floor: string): boolean {
  const [a, b] = [parseKubernetesVersion(version), parseKubernetesVersion(floor)];
  if (!a || !b) return false;
  return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
}

export function removalOf(apiVersion: string, kind: string): ApiRemoval | undefined {
  return API_REMOVALS.find((r) => r.apiVersion === apiVersion && r.kinds.includes(kind));
}
