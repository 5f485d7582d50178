/** A phase as the dependency graph sees it. */
export interface GraphPhase {
  name: string;
  hours: number;
  dependencies: string[];
}

export interface PhaseTiming {
  start: number;
  end: number;
  onCriticalPath: boolean;
  parallelWith: string[];
}

export interface GraphSchedule {
  /** Phases in an order where each comes after its dependencies (stable: ties keep the input order). */
  order: string[];
  timing: Map<string, PhaseTiming>;
  criticalPath: string[];
  totalHours: number;
}

/** The first cycle found, as `a → b → c → a`; null when the graph has none. */
export function findCycle(phases: Pick<GraphPhase, 'name' | 'dependencies'>[]): string[] | null {
  const byName = new Map(phases.map((p) => [p.name, p]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | null => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of byName.get(name)?.dependencies ?? []) {
      if (state.get(dep) === 'visiting') return [...stack.slice(stack.indexOf(dep)), dep];
      if (!state.has(dep) && byName.has(dep)) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(name, 'done');
    return null;
  };
  for (const phase of phases) {
    if (!state.has(phase.name)) {
      const cycle = visit(phase.name);
      // Found walking dependencies (backwards in time): read it forwards.
      if (cycle) return cycle.reverse();
    }
  }
  return null;
}

const EPSILON = 1e-9;

/**
 * Earliest start and end of every phase (hours from the start), the critical path (the chain of
 * phases whose delay delays the end), and which phases overlap. The graph must be acyclic.
 */
export function scheduleGraph(phases: GraphPhase[]): GraphSchedule {
  const byName = new Map(phases.map((p) => [p.name, p]));
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < phases.length) {
    const next = phases.find((p) => !placed.has(p.name) && p.dependencies.every((d) => placed.has(d)));
    if (!next) throw new Error('scheduleGraph: the phase graph has a cycle');
    order.push(next.name);
    placed.add(next.name);
  }

  const start = new Map<string, number>();
  const end = new Map<string, number>();
  const cause = new Map<string, string | null>();
  for (const name of order) {
    const phase = byName.get(name)!;
    let at = 0;
    let by: string | null = null;
    for (const dep of phase.dependencies) {
      // Ties go to the later dependency in the order, which is the one listed last in a chain.
      if (end.get(dep)! >= at) {
        at = end.get(dep)!;
        by = dep;
      }
    }
    start.set(name, at);
    end.set(name, at + phase.hours);
    cause.set(name, by);
  }

  let last = order[0]!;
  for (const name of order) if (end.get(name)! >= end.get(last)!) last = name;
  const criticalPath: string[] = [];
  for (let at: string | null = last; at; at = cause.get(at) ?? null) criticalPath.unshift(at);

  const timing = new Map<string, PhaseTiming>();
  for (const name of order) {
    const s = start.get(name)!;
    const e = end.get(name)!;
    const parallelWith = order.filter((other) => {
      if (other === name) return false;
      const os = start.get(other)!;
      const oe = end.get(other)!;
      return e - s > EPSILON && oe - os > EPSILON && s < oe - EPSILON && os < e - EPSILON;
    });
    timing.set(name, { start: s, end: e, onCriticalPath: criticalPath.includes(name), parallelWith });
  }
  return { order, timing, criticalPath, totalHours: end.get(last)! };
}
