import { formatPath } from '@migration-architect/core';
import { normalizeExpression } from '../sql/expression.js';
import { change, type DatabaseChange } from './changes.js';
import type { Trigger } from './model.js';
import { canonicalTemporalCasts } from './temporal-literal.js';

const identity = (t: Trigger) => `${t.table}\0${t.name}`;

export function triggerValue(trigger: Trigger): string {
  const events = trigger.events.map((e) => (e === 'update' && trigger.columns.length ? `update of ${trigger.columns.join(', ')}` : e)).join(' or ');
  const when = trigger.condition ? ` when (${trigger.condition})` : '';
  return `${trigger.timing} ${events} for each ${trigger.forEachRow ? 'row' : 'statement'}${when} execute ${trigger.function}(${(trigger.arguments ?? []).join(', ')})`;
}

/** Triggers are matched by table and name; one that fires differently or calls another function has changed. */
export function diffTriggers(before: readonly Trigger[], after: readonly Trigger[]): DatabaseChange[] {
  const afterById = new Map(after.map((t) => [identity(t), t]));
  const beforeIds = new Set(before.map(identity));
  const path = (t: Trigger) => formatPath(['tables', t.table, 'triggers', t.name]);
  const subject = (t: Trigger) => `${t.table}.${t.name}`;
  const out: DatabaseChange[] = [
    ...before
      .filter((t) => !afterById.has(identity(t)))
      .map((t) => change('trigger.removed', path(t), subject(t), { before: triggerValue(t) }, { trigger: t })),
    ...after.filter((t) => !beforeIds.has(identity(t))).map((t) => change('trigger.added', path(t), subject(t), { after: triggerValue(t) }, { trigger: t })),
  ];
  for (const old of before) {
    const next = afterById.get(identity(old));
    if (!next) continue;
    // A condition's timestamp constants as PostgreSQL stores them: a dump made in another time zone prints another offset.
    const same = normalizeExpression(canonicalTemporalCasts(triggerValue(old))) === normalizeExpression(canonicalTemporalCasts(triggerValue(next)));
    if (!same)
      out.push(change('trigger.changed', path(next), subject(next), { before: triggerValue(old), after: triggerValue(next) }, { before: old, after: next }));
  }
  return out;
}
