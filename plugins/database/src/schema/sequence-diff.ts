import { formatPath } from '@migration-architect/core';
import { change, type DatabaseChange } from './changes.js';
import type { Sequence } from './model.js';
import { objectIdentity } from './qualified-name.js';

function sequenceValue(sequence: Sequence) {
  return { data_type: sequence.dataType, owned_by: sequence.ownedBy ? `${sequence.ownedBy.table}.${sequence.ownedBy.column}` : null };
}

/**
 * Stand-alone sequences. One owned by a column comes and goes with its serial column, whose
 * identity change already says it; so only sequences without an owner on the relevant side count.
 */
export function diffSequences(before: readonly Sequence[], after: readonly Sequence[]): DatabaseChange[] {
  const afterIds = new Set(after.map(objectIdentity));
  const beforeIds = new Set(before.map(objectIdentity));
  const path = (s: Sequence) => formatPath(['sequences', s.key]);
  return [
    ...before
      .filter((s) => !afterIds.has(objectIdentity(s)) && s.ownedBy === null)
      .map((s) => change('sequence.removed', path(s), s.key, { before: sequenceValue(s) }, { sequence: s })),
    ...after
      .filter((s) => !beforeIds.has(objectIdentity(s)) && s.ownedBy === null)
      .map((s) => change('sequence.added', path(s), s.key, { after: sequenceValue(s) }, { sequence: s })),
  ];
}
