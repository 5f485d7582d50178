import { formatPath } from '@migration-architect/core';
import { normalizeExpression } from '../sql/expression.js';
import { change, type DatabaseChange } from './changes.js';
import { routineSignature } from './json-schema-loader.js';
import type { Routine } from './model.js';
import { objectKey } from './qualified-name.js';

const qualified = (r: Routine) => objectKey(r.schema, r.name);

/**
 * Routines are matched by signature; a name that exists once on each side with different
 * arguments is one routine whose signature changed, not a removal plus an addition.
 */
export function diffRoutines(before: readonly Routine[], after: readonly Routine[]): DatabaseChange[] {
  const path = (r: Routine) => formatPath([r.section, qualified(r)]);
  const count = (list: readonly Routine[], name: string) => list.filter((r) => qualified(r) === name).length;
  const partner = new Map<Routine, Routine>();
  for (const old of before) {
    const same = after.find((r) => routineSignature(r) === routineSignature(old));
    const byName = count(before, qualified(old)) === 1 && count(after, qualified(old)) === 1 ? after.find((r) => qualified(r) === qualified(old)) : undefined;
    const match = same ?? byName;
    if (match) partner.set(old, match);
  }
  const matched = new Set(partner.values());
  const out: DatabaseChange[] = [
    ...before
      .filter((r) => !partner.has(r))
      .map((routine) => change('routine.removed', path(routine), routineSignature(routine), { before: routine.definition }, { routine })),
    ...after
      .filter((r) => !matched.has(r))
      .map((routine) => change('routine.added', path(routine), routineSignature(routine), { after: routine.definition }, { routine })),
  ];
  for (const [old, next] of partner) {
    const resultChanged = (old.returns ?? '') !== (next.returns ?? '');
    const signatureChanged = routineSignature(old) !== routineSignature(next) || resultChanged;
    // Sources that cannot tell (the JSON format) leave volatility out; only two that say are compared.
    const volatilityChanged = old.volatility !== undefined && next.volatility !== undefined && old.volatility !== next.volatility;
    const definitionChanged =
      (old.canonical !== undefined && next.canonical !== undefined
        ? old.canonical !== next.canonical
        : normalizeExpression(old.definition) !== normalizeExpression(next.definition)) ||
      (old.language ?? 'sql') !== (next.language ?? 'sql') ||
      volatilityChanged;
    if (!signatureChanged && !definitionChanged) continue;
    out.push(
      change(
        'routine.changed',
        path(next),
        routineSignature(next),
        { before: signatureChanged ? routineSignature(old) : old.definition, after: signatureChanged ? routineSignature(next) : next.definition },
        { before: old, after: next, signatureChanged, definitionChanged, resultChanged, volatilityChanged },
      ),
    );
  }
  return out;
}
