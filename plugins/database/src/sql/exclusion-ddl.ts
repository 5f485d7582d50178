import type { ExclusionConstraint } from '../schema/model.js';
import { deferrableClause } from './constraint-ddl.js';
import { indexColumn } from './index-ddl.js';

/** `EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (…) DEFERRABLE`, as ADD CONSTRAINT takes it. */
export function exclusionClause(exclusion: ExclusionConstraint): string {
  const elements = exclusion.elements
    .map((e) => `${indexColumn(e.element)} WITH ${e.operator.includes('.') ? `OPERATOR(${e.operator})` : e.operator}`)
    .join(', ');
  return [
    `EXCLUDE USING ${exclusion.method} (${elements})`,
    ...(exclusion.predicate ? [`WHERE (${exclusion.predicate})`] : []),
    ...deferrableClause(exclusion),
  ].join(' ');
}
