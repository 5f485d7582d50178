import type { DiffOptions, SchemaChange } from '@migration-architect/core';
import { DEFAULT_TARGET_VERSION, removalOf, versionAtLeast, type ApiRemoval } from '../catalog/api-removals.js';
import type { KubernetesManifests, KubernetesObject } from '../manifests/kubernetes-model.js';

export interface KubernetesChangeDetails extends Record<string, unknown> {
  kind: string;
  name: string;
  namespace: string | null;
  apiVersion: string;
  /** The field the change is about: `spec.selector`, `spec.ports[https]`. */
  field?: string | undefined;
  removal?: ApiRemoval | undefined;
  targetVersion?: string | null | undefined;
  /** Pod template paths that changed: what a rollout restarts for. */
  podChanges?: string[] | undefined;
  /** A PVC or PV: its reclaim policy when the manifests say. */
  reclaimPolicy?: string | null | undefined;
}
export type KubernetesChange = SchemaChange<unknown, KubernetesChangeDetails>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/** Leaf paths that differ between two values; lists of named entries (containers, env) are keyed by name. */
function changedPaths(before: unknown, after: unknown, prefix: string): string[] {
  if (same(before, after)) return [];
  if (isRecord(before) && isRecord(after)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((k) => changedPaths(before[k], after[k], `${prefix}.${k}`));
  }
  const named = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((e) => isRecord(e) && typeof e['name'] === 'string');
  if (named(before) && named(after)) {
    const index = (list: Record<string, unknown>[]) => new Map(list.map((e) => [e['name'] as string, e]));
    const [b, a] = [index(before as Record<string, unknown>[]), index(after as Record<string, unknown>[])];
    return [...new Set([...b.keys(), ...a.keys()])].flatMap((name) => changedPaths(b.get(name), a.get(name), `${prefix}[${name}]`));
  }
  return [prefix];
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
/** Immutable fields per kind (the API server refuses the update: the object must be deleted and recreated). */
const IMMUTABLE: Record<string, string[]> = {
  Deployment: ['spec.selector'],
  DaemonSet: ['spec.selector'],
  ReplicaSet: ['spec.selector'],
  StatefulSet: ['spec.selector', 'spec.volumeClaimTemplates', 'spec.serviceName', 'spec.podManagementPolicy'],
  Job: ['spec.selector', 'spec.template', 'spec.completionMode'],
  PersistentVolumeClaim: ['spec.storageClassName', 'spec.accessModes', 'spec.volumeName', 'spec.volumeMode'],
  StorageClass: ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'],
};

function storageBytes(quantity: unknown): number | undefined {
  if (typeof quantity === 'number') return quantity;
  if (typeof quantity !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/.exec(quantity.trim());
  if (!match) return undefined;
  const units: Record<string, number> = {
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
  };
  return Number(match[1]) * (match[2] ? units[match[2]]! : 1);
}

const portKey = (p: unknown) => (isRecord(p) ? `${p['port']}/${p['protocol'] ?? 'TCP'}` : String(p));

function ingressRoutes(body: Record<string, unknown>): Map<string, unknown> {
  const routes = new Map<string, unknown>();
  const rules = at(body, 'spec.rules');
  for (const rule of Array.isArray(rules) ? rules : []) {
    if (!isRecord(rule)) continue;
    const host = typeof rule['host'] === 'string' ? rule['host'] : '*';
    const paths = at(rule, 'http.paths');
    if (!Array.isArray(paths) || paths.length === 0) routes.set(`${host}`, rule);
    for (const p of Array.isArray(paths) ? paths : []) routes.set(`${host}${isRecord(p) && typeof p['path'] === 'string' ? p['path'] : '/'}`, p);
  }
  return routes;
}

/**
 * Objects that name no namespace go to the one chosen at apply time (`kubectl -n`, the Argo CD
 * destination): one that gained or lost `metadata.namespace` is the same object when the other
 * side has exactly one unmatched object of that kind and name. Re-keys such objects on one side.
 */
function pairNamespaces(before: KubernetesManifests, after: KubernetesManifests): Record<string, KubernetesObject> {
  const withoutNamespace = (key: string) => key.replace(/^([^/]*\/[^/]*)\/[^/]*\//, '$1//');
  const unmatched = (from: KubernetesManifests, other: KubernetesManifests) => Object.keys(from.objects).filter((k) => !(k in other.objects));
  const candidates = new Map<string, string[]>();
  for (const key of unmatched(before, after)) candidates.set(withoutNamespace(key), [...(candidates.get(withoutNamespace(key)) ?? []), key]);
  const rekeyed: Record<string, KubernetesObject> = {};
  for (const [key, object] of Object.entries(after.objects)) {
    const match = !(key in before.objects) ? candidates.get(withoutNamespace(key)) : undefined;
    const beforeObject = match?.length === 1 ? before.objects[match[0]!] : undefined;
    rekeyed[beforeObject && (beforeObject.namespace === null || object.namespace === null) ? match![0]! : key] = object;
  }
  return rekeyed;
}

/**
 * The changes between two manifest sets: objects removed and added, immutable fields changed,
 * CRD versions, Service ports, Ingress routes, replicas to 0, rollouts with what they restart;
 * and, on the after side, every object whose apiVersion is removed or deprecated in the target.
 */
export function diffManifests(before: KubernetesManifests, after: KubernetesManifests, options: Pick<DiffOptions, 'targetVersion'>): KubernetesChange[] {
  const changes: KubernetesChange[] = [];
  const named = options.targetVersion ?? null;
  const target = named ?? DEFAULT_TARGET_VERSION;
  const details = (o: KubernetesObject, extra: Partial<KubernetesChangeDetails> = {}): KubernetesChangeDetails => ({
    kind: o.kind,
    name: o.name,
    namespace: o.namespace,
    apiVersion: o.apiVersion,
    ...extra,
  });
  const label = (o: KubernetesObject) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
  const where = (o: KubernetesObject, side: 'before' | 'after') => ({ side, line: o.line, file: o.file });
  const path = (o: KubernetesObject, field?: string) => `${o.kind}.${o.namespace ? `${o.namespace}.` : ''}${o.name}${field ? `.${field}` : ''}`;

  after = { objects: pairNamespaces(before, after) };
  for (const [key, was] of Object.entries(before.objects)) {
    if (!(key in after.objects)) {
      changes.push({
        kind: 'object.removed',
        path: path(was),
        subject: label(was),
        before: was.apiVersion,
        details: details(was, { reclaimPolicy: (at(was.body, 'spec.persistentVolumeReclaimPolicy') as string | undefined) ?? null }),
        location: where(was, 'before'),
      });
    }
  }
  for (const [key, will] of Object.entries(after.objects)) {
    const was = before.objects[key];
    const removal = removalOf(will.apiVersion, will.kind);
    if (removal) {
      // Removed in the target: the apply fails. Otherwise (an older target, or none named): it will be.
      const removed = versionAtLeast(target, removal.removedIn);
      changes.push({
        kind: removed ? 'api.removed' : 'api.deprecated',
        path: path(will, 'apiVersion'),
        subject: label(will),
        before: was?.apiVersion,
        after: will.apiVersion,
        details: details(will, { removal, targetVersion: named, field: 'apiVersion' }),
        location: where(will, 'after'),
      });
    }
    if (!was) {
      changes.push({
        kind: 'object.added',
        path: path(will),
        subject: label(will),
        after: will.apiVersion,
        details: details(will),
        location: where(will, 'after'),
      });
      continue;
    }
    const found = compareObject(was, will);
    for (const change of found) {
      changes.push({
        ...change,
        path: path(will, change.details?.field),
        subject: label(will),
        details: details(will, change.details),
        location: where(will, 'after'),
      });
    }
  }
  return changes;
}

type Partial2 = Omit<KubernetesChange, 'path' | 'subject' | 'details'> & { details?: Partial<KubernetesChangeDetails> };

function compareObject(was: KubernetesObject, will: KubernetesObject): Partial2[] {
  const out: Partial2[] = [];
  const b = was.body;
  const a = will.body;
  // generateName objects (Argo CD / Helm hook Jobs) are created anew on every sync: nothing is updated in place.
  const generated = was.name.endsWith('*');
  for (const field of generated ? [] : (IMMUTABLE[will.kind] ?? [])) {
    const [x, y] = [at(b, field), at(a, field)];
    if (x !== undefined && !same(x, y)) out.push({ kind: 'field.immutable-changed', before: x, after: y ?? null, details: { field } });
  }
  if (will.kind === 'PersistentVolumeClaim') {
    const [x, y] = [at(b, 'spec.resources.requests.storage'), at(a, 'spec.resources.requests.storage')];
    const [bx, by] = [storageBytes(x), storageBytes(y)];
    if (bx !== undefined && by !== undefined && by < bx)
      out.push({ kind: 'field.immutable-changed', before: x, after: y, details: { field: 'spec.resources.requests.storage' } });
  }
  if (will.kind === 'Service') {
    const [x, y] = [at(b, 'spec.clusterIP'), at(a, 'spec.clusterIP')];
    if (typeof x === 'string' && x !== '' && !same(x, y))
      out.push({ kind: 'field.immutable-changed', before: x, after: y ?? null, details: { field: 'spec.clusterIP' } });
    const ports = (v: unknown) => (Array.isArray(v) ? v : []);
    const kept = new Set(ports(at(a, 'spec.ports')).map(portKey));
    for (const port of ports(at(b, 'spec.ports'))) {
      if (!kept.has(portKey(port))) out.push({ kind: 'service.port-removed', before: port, details: { field: `spec.ports[${portKey(port)}]` } });
    }
  }
  if (will.kind === 'Ingress') {
    const kept = ingressRoutes(a);
    for (const route of ingressRoutes(b).keys())
      if (!kept.has(route)) out.push({ kind: 'ingress.rule-removed', before: route, details: { field: `spec.rules[${route}]` } });
  }
  if (will.kind === 'CustomResourceDefinition') {
    const versions = (body: Record<string, unknown>) => {
      const list = at(body, 'spec.versions');
      if (Array.isArray(list))
        return list.filter(isRecord).map((v) => ({ name: String(v['name']), storage: v['storage'] === true, served: v['served'] !== false }));
      const single = at(body, 'spec.version');
      return typeof single === 'string' ? [{ name: single, storage: true, served: true }] : [];
    };
    const [vb, va] = [versions(b), versions(a)];
    for (const v of vb) {
      const now = va.find((x) => x.name === v.name);
      if (!now || (v.served && !now.served))
        out.push({ kind: 'crd.version-removed', before: v.name, after: now ? 'served: false' : null, details: { field: `spec.versions[${v.name}]` } });
    }
    const [sb, sa] = [vb.find((v) => v.storage)?.name, va.find((v) => v.storage)?.name];
    if (sb && sa && sb !== sa) out.push({ kind: 'crd.storage-version-changed', before: sb, after: sa, details: { field: 'spec.versions.storage' } });
  }
  if (WORKLOADS.has(will.kind) || will.kind === 'Job' || will.kind === 'CronJob') {
    const [rb, ra] = [at(b, 'spec.replicas'), at(a, 'spec.replicas')];
    if (ra === 0 && rb !== 0) out.push({ kind: 'workload.scaled-to-zero', before: rb ?? 1, after: 0, details: { field: 'spec.replicas' } });
    const template = will.kind === 'CronJob' ? 'spec.jobTemplate.spec.template' : 'spec.template';
    if (WORKLOADS.has(will.kind)) {
      const podChanges = changedPaths(at(b, template), at(a, template), template);
      if (podChanges.length) out.push({ kind: 'workload.pods-rolled', before: null, after: null, details: { field: template, podChanges } });
    }
  }
  const reported = new Set(out.map((c) => c.details?.field?.split('[')[0]));
  const rest = changedPaths(b, a, '')
    .map((p) => p.slice(1))
    // apiVersion moves are judged by the API rules; server-set metadata is noise.
    .filter(
      (p) =>
        p !== 'apiVersion' &&
        !p.startsWith('metadata.resourceVersion') &&
        ![...reported].some((r) => r && (p === r || p.startsWith(`${r}.`) || p.startsWith(`${r}[`))),
    )
    .filter((p) => !(p.startsWith('spec.template') || p === 'spec.replicas') || !WORKLOADS.has(will.kind));
  const secretChanged = was.secretDigest !== undefined && was.secretDigest !== will.secretDigest;
  if (out.length === 0 && (rest.length > 0 || secretChanged)) {
    const fields = rest.length ? rest : ['data'];
    out.push({ kind: 'object.changed', before: null, after: null, details: { field: undefined, podChanges: fields } });
  }
  return out;
}
