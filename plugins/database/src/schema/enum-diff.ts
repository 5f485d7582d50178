import { formatPath } from '@migration-architect/core';
import { change, type DatabaseChange } from './changes.js';
import type { EnumType } from './model.js';
import { objectIdentity } from './qualified-name.js';

/**
 * Enums are matched by qualified name. Removed labels, added labels and a new order of the kept
 * labels are separate changes: they break clients in different ways.
 */
export function diffEnums(before: readonly EnumType[], after: readonly EnumType[]): DatabaseChange[] {
  const afterById = new Map(after.map((e) => [objectIdentity(e), e]));
  const beforeById = new Map(before.map((e) => [objectIdentity(e), e]));
  const path = (e: EnumType) => formatPath(['enums', e.key]);
  const out: DatabaseChange[] = [
    ...before.filter((e) => !afterById.has(objectIdentity(e))).map((e) => change('enum.removed', path(e), e.key, { before: e.values }, { enum: e })),
    ...after.filter((e) => !beforeById.has(objectIdentity(e))).map((e) => change('enum.added', path(e), e.key, { after: e.values }, { enum: e })),
  ];
  for (const old of before) {
    const next = afterById.get(objectIdentity(old));
    if (!next) continue;
    const removed = old.values.filter((v) => !next.values.includes(v));
    const added = next.values.filter((v) => !old.values.includes(v));
    const keptOld = old.values.filter((v) => next.values.includes(v));
    const keptNew = next.values.filter((v) => old.values.includes(v));
    const values = { before: old.values, after: next.values };
    if (removed.length) out.push(change('enum.value_removed', path(next), next.key, values, { before: old, after: next, values: removed }));
    if (keptOld.join('\0') !== keptNew.join('\0')) out.push(change('enum.values_reordered', path(next), next.key, values, { before: old, after: next }));
    if (added.length) out.push(change('enum.value_added', path(next), next.key, values, { before: old, after: next, values: added }));
  }
  return out;
}
