import type { AttributeRiskEntry } from '../catalog/terraform-catalog.js';
import { SENSITIVE, SENSITIVE_CHANGED, UNKNOWN } from '../plan/terraform-model.js';

/**
 * The values at a dotted path, descending into every element of a list on the way (nested
 * blocks are lists: `settings.tier` reads `settings[0].tier`; `ingress.cidr_blocks` reads every
 * ingress block's).
 */
export function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value) && !/^\d+$/.test(segment)) {
        for (const item of value) if (item && typeof item === 'object' && segment in item) next.push((item as Record<string, unknown>)[segment]);
      } else if (value && typeof value === 'object' && segment in value) {
        next.push((value as Record<string, unknown>)[segment]);
      }
    }
    current = next;
  }
  return current;
}

const isOpaque = (value: unknown) => value === UNKNOWN || value === SENSITIVE || value === SENSITIVE_CHANGED;

/** The major part of a version: `13` of `13.7`, `5.7` of `5.7.38` (majors under 10 had two parts), `POSTGRES_14` → `14`. */
export function majorOf(version: string): string {
  const numbers = version.match(/\d+/g) ?? [];
  if (numbers.length === 0) return version;
  const first = Number(numbers[0]);
  return first < 10 && numbers.length > 1 ? `${first}.${numbers[1]}` : String(first);
}

/**
 * A rule entry's identity: its scalar fields (ports, protocol, direction, priority). An entry whose
 * sources change keeps its identity (the public-access rule judges sources); one whose port goes is removed.
 */
function entryKey(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null) return JSON.stringify(entry);
  return JSON.stringify(
    Object.entries(entry)
      .filter(([, v]) => v === null || typeof v !== 'object')
      .sort(([x], [y]) => x.localeCompare(y)),
  );
}

const leaves = (values: unknown[]): string[] => values.flat(3).filter((v): v is string => typeof v === 'string');

/** What an attribute row finds between two values of a resource: undefined when it finds nothing. */
export type AttributeFinding = { before: unknown; after: unknown; unknown: boolean; detail?: string | undefined };

export function testAttribute(row: AttributeRiskEntry, before: unknown, after: unknown): AttributeFinding | undefined {
  const was = valuesAt(before, row.attribute);
  const will = valuesAt(after, row.attribute);
  const b = was.length === 1 ? was[0] : was.length === 0 ? undefined : was;
  const a = will.length === 1 ? will[0] : will.length === 0 ? undefined : will;
  if (JSON.stringify(b) === JSON.stringify(a)) return undefined;
  // Known only after apply: named as unknown, never guessed.
  if (will.some((v) => v === UNKNOWN)) return before === null ? undefined : { before: b, after: UNKNOWN, unknown: true };
  if (will.some(isOpaque) || was.some(isOpaque)) return undefined;
  switch (row.test) {
    case 'changed':
      return before === null || b === undefined || a === undefined || a === null ? undefined : { before: b, after: a, unknown: false };
    case 'major-version':
      return typeof b === 'string' && typeof a === 'string' && majorOf(b) !== majorOf(a)
        ? { before: b, after: a, unknown: false, detail: `major version ${majorOf(b)} → ${majorOf(a)}` }
        : undefined;
    case 'turned-off':
      return b === true && a !== true && a !== undefined ? { before: b, after: a, unknown: false } : undefined;
    case 'turned-on':
      return b !== true && a === true && (before !== null || row.risk === 'public-access-opened') ? { before: b ?? null, after: a, unknown: false } : undefined;
    case 'lowered':
      return typeof b === 'number' && typeof a === 'number' && a < b ? { before: b, after: a, unknown: false } : undefined;
    case 'public-value': {
      const open = new Set(row.publicValues ?? []);
      const had = new Set(leaves(was).filter((v) => open.has(v)));
      const gained = leaves(will).filter((v) => open.has(v) && !had.has(v));
      return gained.length ? { before: b ?? null, after: a, unknown: false, detail: `now open to ${[...new Set(gained)].join(', ')}` } : undefined;
    }
    case 'entries-removed': {
      const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
      const after = new Set(list(a).map(entryKey));
      const removed = list(b).filter((e) => !after.has(entryKey(e)));
      return removed.length ? { before: removed, after: null, unknown: false, detail: `${removed.length} of ${list(b).length} entries removed` } : undefined;
    }
  }
}
