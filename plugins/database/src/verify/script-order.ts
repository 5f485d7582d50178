import type { MigrationScript } from '@migration-architect/core';

export interface OrderedScripts {
  /** Indexes into the report's scripts, each after the scripts it depends on. */
  order: number[];
  /** Dependencies that name no script of the report, or a cycle: `script 3 (Add index …): …`. */
  problems: string[];
}

/**
 * Orders scripts by their `dependencies` (descriptions of other scripts), keeping the report's
 * order otherwise, so a run replays them as a user following the report would.
 */
export function orderScripts(scripts: readonly MigrationScript[]): OrderedScripts {
  const byDescription = new Map<string, number[]>();
  for (const [i, s] of scripts.entries()) byDescription.set(s.description, [...(byDescription.get(s.description) ?? []), i]);
  const problems: string[] = [];
  const needs = scripts.map((s, i) =>
    s.dependencies.flatMap((d) => {
      const found = byDescription.get(d);
      if (!found) problems.push(`script ${i + 1} (${s.description}) depends on "${d}", which no script of the report is`);
      return (found ?? []).filter((j) => j !== i);
    }),
  );
  const order: number[] = [];
  const placed = new Set<number>();
  while (order.length < scripts.length) {
    const next = scripts.findIndex((_, i) => !placed.has(i) && needs[i]!.every((j) => placed.has(j)));
    if (next === -1) {
      const left = scripts.map((_, i) => i).filter((i) => !placed.has(i));
      problems.push(`scripts ${left.map((i) => i + 1).join(', ')} depend on each other in a cycle; run in report order`);
      for (const i of left) {
        order.push(i);
        placed.add(i);
      }
      break;
    }
    order.push(next);
    placed.add(next);
  }
  return { order, problems };
}
