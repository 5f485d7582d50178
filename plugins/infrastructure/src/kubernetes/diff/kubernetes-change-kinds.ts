/** Every change kind the Kubernetes diff reports. */
export const KUBERNETES_CHANGE_KINDS = [
  'object.removed',
  'object.added',
  'object.changed',
  'api.removed',
  'api.deprecated',
  'field.immutable-changed',
  'crd.version-removed',
  'crd.storage-version-changed',
  'service.port-removed',
  'ingress.rule-removed',
  'workload.scaled-to-zero',
  'workload.pods-rolled',
] as const;
