import type { Located } from '../document/document-set.js';
import type { Direction } from '../model/api-model.js';

/** What a schema position is, for rule ids: a parameter's value, a body or its properties, a response header's value. */
export type SchemaScope = 'parameter' | 'property' | 'header';

/**
 * One difference found inside schemas. A difference inside a referenced schema is found once and
 * shared by every operation that reaches it: `operations` collects their labels.
 */
export interface SchemaChangeRecord {
  /** `request.property.max.decreased`: direction, scope, aspect and verb. */
  kind: string;
  direction: Direction;
  scope: SchemaScope;
  /** `Pet.owner.name`, `request body (application/json)`, `query parameter limit`. */
  subject: string;
  /** Where the difference is written: the after side, or the before side for what was removed. */
  at: Located;
  side: 'before' | 'after';
  before?: unknown;
  after?: unknown;
  /** Anything else a rule words its finding with (the property name, the values added). */
  extra: Record<string, unknown>;
  operations: Set<string>;
}

/**
 * The differences found comparing one pair of schemas in one direction, and the pairs found
 * inside it. Pairs reached through `$ref` are entries of their own, memoized, so a schema used
 * by a thousand operations is compared once; cycles are links back to an entry being filled.
 */
export interface ComparisonEntry {
  records: SchemaChangeRecord[];
  children: ComparisonEntry[];
  /** The last operation attributed through this entry, so attribution visits each entry once per operation. */
  stamp: string | undefined;
}

export function newEntry(): ComparisonEntry {
  return { records: [], children: [], stamp: undefined };
}

/** Adds an operation to every record an entry reaches, following children once each. */
export function attribute(entry: ComparisonEntry, operation: string): void {
  const stack = [entry];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.stamp === operation) continue;
    current.stamp = operation;
    for (const record of current.records) record.operations.add(operation);
    for (const child of current.children) stack.push(child);
  }
}
