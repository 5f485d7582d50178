/*
 * What each resource of a plan's `configuration` waits for: its `depends_on` and the resources its
 * expressions reference, in its own module; a reference to a module means every resource in it,
 * and a module call's own references and depends_on hold for every resource inside the module.
 * Addresses are configuration addresses (no instance keys): `module.db.aws_db_instance.main`.
 */

/** Configuration address → the configuration addresses it depends on. `stated` is false when the plan has no configuration. */
export interface DependencyGraph {
  stated: boolean;
  edges: Map<string, Set<string>>;
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null);
const NOT_RESOURCES = new Set(['var', 'local', 'each', 'count', 'path', 'terraform', 'self', 'data']);

/** The configuration address of a plan address: `module.a["x"].aws_instance.web[0]` → `module.a.aws_instance.web`. */
export function configAddress(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');
}

/** Every `references` string anywhere under a resource's expressions (nested blocks included). */
function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) references(item, out);
  } else {
    const object = asObject(value);
    if (!object) return out;
    for (const [key, inner] of Object.entries(object)) {
      if (key === 'references' && Array.isArray(inner)) out.push(...inner.filter((r): r is string => typeof r === 'string'));
      else references(inner, out);
    }
  }
  return out;
}

/** What a reference made in module `prefix` points at: a resource address, a module prefix (ending in `.`), or nothing. */
function target(reference: string, prefix: string): string | null {
  const parts = configAddress(reference).split('.');
  if (parts[0] === 'module' && parts[1]) return `${prefix}module.${parts[1]}.`;
  if (parts.length < 2 || NOT_RESOURCES.has(parts[0]!)) return null;
  return `${prefix}${parts[0]}.${parts[1]}`;
}

export function configurationDependencies(configuration: unknown): DependencyGraph {
  const edges = new Map<string, Set<string>>();
  const root = asObject(asObject(configuration)?.['root_module']);
  if (!root) return { stated: false, edges };
  const pending: { resource: string; targets: string[] }[] = [];
  const visit = (module: Json, prefix: string, inherited: string[]) => {
    for (const raw of Array.isArray(module['resources']) ? module['resources'] : []) {
      const resource = asObject(raw);
      if (!resource || resource['mode'] === 'data' || typeof resource['address'] !== 'string') continue;
      const own = [...references(resource['expressions']), ...(Array.isArray(resource['depends_on']) ? resource['depends_on'] : [])]
        .filter((r): r is string => typeof r === 'string')
        .map((r) => target(r, prefix))
        .filter((t): t is string => t !== null);
      pending.push({ resource: `${prefix}${configAddress(resource['address'])}`, targets: [...own, ...inherited] });
    }
    for (const [name, rawCall] of Object.entries(asObject(module['module_calls']) ?? {})) {
      const call = asObject(rawCall);
      const inner = asObject(call?.['module']);
      if (!call || !inner) continue;
      const callTargets = [...references(call['expressions']), ...(Array.isArray(call['depends_on']) ? call['depends_on'] : [])]
        .filter((r): r is string => typeof r === 'string')
        .map((r) => target(r, prefix))
        .filter((t): t is string => t !== null);
      visit(inner, `${prefix}module.${name}.`, [...inherited, ...callTargets]);
    }
  };
  visit(root, '', []);
  const known = pending.map((p) => p.resource);
  for (const { resource, targets } of pending) {
    const resolved = new Set<string>();
    for (const t of targets) {
      if (t.endsWith('.')) for (const k of known) if (k.startsWith(t)) resolved.add(k);
      if (!t.endsWith('.') && t !== resource) resolved.add(t);
    }
    resolved.delete(resource);
    edges.set(resource, resolved);
  }
  return { stated: true, edges };
}

/**
 * Orders plan addresses so each comes after what it depends on (through resources outside the set
 * too), plan order among equals, and says how deep the longest chain inside the set is.
 */
export function dependencyOrder(addresses: string[], graph: DependencyGraph): { ordered: string[]; depth: number } {
  if (addresses.length === 0) return { ordered: [], depth: 0 };
  const members = new Set(addresses.map(configAddress));
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (node: string): number => {
    const known = level.get(node);
    if (known !== undefined) return known;
    if (visiting.has(node)) return 0; // a cycle (Terraform refuses them; tolerate a hand-edited file)
    visiting.add(node);
    let deepest = 0;
    for (const dep of graph.edges.get(node) ?? []) deepest = Math.max(deepest, levelOf(dep));
    visiting.delete(node);
    const result = deepest + (members.has(node) ? 1 : 0);
    level.set(node, result);
    return result;
  };
  const withLevel = addresses.map((address, index) => ({ address, index, level: levelOf(configAddress(address)) }));
  withLevel.sort((a, b) => a.level - b.level || a.index - b.index);
  return { ordered: withLevel.map((w) => w.address), depth: Math.max(1, ...withLevel.map((w) => w.level)) };
}
