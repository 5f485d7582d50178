/** One Kubernetes object of a manifest set, where it is written. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** null for cluster-scoped objects and objects that name none (the namespace is chosen at apply time). */
  namespace: string | null;
  /** The document, with Secret values replaced by `(sensitive)`. */
  body: Record<string, unknown>;
  /** The file it was read from (the input, or a file inside an input folder) and its first line there. */
  file: string;
  line: number;
  /** For Secrets: a digest of the data, only to tell whether it changed; never reported. */
  secretDigest?: string | undefined;
}

/** A manifest set: objects by identity (`group/Kind/namespace/name`: the version left out, so an apiVersion move is one object). */
export interface KubernetesManifests {
  objects: Record<string, KubernetesObject>;
}

/** `apps` of `apps/v1`, `` (core) of `v1`. */
export const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');

/** Groups an object moved out of when its API was removed: `extensions` Deployments are `apps` Deployments. */
const MOVED_GROUPS: Record<string, string> = {
  'extensions/Deployment': 'apps',
  'extensions/DaemonSet': 'apps',
  'extensions/ReplicaSet': 'apps',
  'extensions/Ingress': 'networking.k8s.io',
  'extensions/NetworkPolicy': 'networking.k8s.io',
  'extensions/PodSecurityPolicy': 'policy',
};

export const objectKey = (o: Pick<KubernetesObject, 'apiVersion' | 'kind' | 'namespace' | 'name'>) => {
  const group = groupOf(o.apiVersion);
  return `${MOVED_GROUPS[`${group}/${o.kind}`] ?? (group || 'core')}/${o.kind}/${o.namespace ?? '-'}/${o.name}`;
};
