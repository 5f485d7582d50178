import type { ChangeLocation } from '@migration-architect/core';
import type { DatabaseChange } from './changes.js';

type Located = { line?: number } | null | undefined;

// `check`: a domain's CHECK, written at its own ALTER DOMAIN line.
const SINGLE_OBJECTS = ['table', 'column', 'index', 'view', 'routine', 'enum', 'domain', 'check', 'sequence', 'trigger', 'schema', 'extension', 'relation'];

/**
 * Where the changed object is written: the before side for removals (it exists only there),
 * otherwise the after side. Objects from sources without lines (JSON) give none.
 */
export function changeLocation(change: DatabaseChange): ChangeLocation | undefined {
  const details = change.details as Record<string, unknown>;
  const side = change.kind.endsWith('.removed') ? 'before' : 'after';
  const single = SINGLE_OBJECTS.map((k) => details[k]).find((v) => v !== undefined);
  const object = (single ?? details[side]) as Located;
  return object?.line !== undefined ? { side, line: object.line } : undefined;
}
