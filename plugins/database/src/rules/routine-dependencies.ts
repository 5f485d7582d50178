import type { MigrationScript } from '@migration-architect/core';
import type { DatabaseChange } from '../schema/changes.js';
import { routineSignature } from '../schema/json-schema-loader.js';
import type { DatabaseSchema, Routine } from '../schema/model.js';
import { effectiveKind, routineSignatureSql } from '../sql/routine-ddl.js';
import { tableDependencies } from './declared-renames.js';

/** Whether SQL calls the routine: its name, maybe schema-qualified or quoted, followed by `(`. */
function calls(sql: string, routine: Routine): boolean {
  const name = routine.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w$])"?${name}"?\\s*\\(`, 'i').test(sql);
}

const lastName = (qualified: string) => qualified.split('.').pop()!.replace(/^"|"$/g, '');

/** How the routine rules describe the script that creates a routine; scripts that call it depend on it by this name. */
export function createRoutineDescription(routine: Routine): string {
  return `Create ${effectiveKind(routine)} ${routineSignatureSql(routine)}`;
}

/**
 * Order scripts by the routines between them, as PostgreSQL does: an index on an expression, a
 * trigger, a default, a check or a view that calls a routine the change set creates runs after
 * the script that creates it (and a new SQL function calling another new one, since its body is
 * checked at creation); a routine the change set drops goes after the scripts that drop the
 * triggers, indexes and views that call it, or DROP FUNCTION fails on them.
 */
export function routineDependencies(change: DatabaseChange, context: { before: DatabaseSchema; after: DatabaseSchema }, script: MigrationScript): string[] {
  const { before, after } = context;
  const out: string[] = [];
  const existing = new Set(before.routines.map(routineSignature));
  // The routine this script creates (a new one, or a new overload or body): it does not wait for itself.
  const created =
    change.kind === 'routine.added'
      ? (change as DatabaseChange<'routine.added'>).details.routine
      : change.kind === 'routine.changed'
        ? (change as DatabaseChange<'routine.changed'>).details.after
        : null;
  const own = created ? routineSignature(created) : null;
  for (const routine of after.routines) {
    if (existing.has(routineSignature(routine)) || routineSignature(routine) === own) continue;
    if (calls(script.script_content, routine)) out.push(createRoutineDescription(routine));
  }
  // A routine over a table's row type (an argument or SETOF result) that the change set creates, or renames by a declared rename, waits for it.
  if (created) {
    const types = [...created.parameters.map((p) => p.type.name), ...(created.returns ? [created.returns.replace(/^setof\s+/i, '')] : [])].map((t) =>
      lastName(t.replace(/\[\]$/, '')),
    );
    for (const table of after.tables) if (types.includes(table.name)) out.push(...tableDependencies(context, table));
  }
  if (change.kind === 'routine.removed') {
    const routine = (change as DatabaseChange<'routine.removed'>).details.routine;
    for (const trigger of before.triggers) {
      const kept = after.triggers.some((t) => t.name === trigger.name && t.table === trigger.table);
      if (!kept && lastName(trigger.function) === routine.name) out.push(`Drop trigger ${trigger.name} on ${trigger.table}`);
    }
    for (const table of before.tables) {
      const next = after.tables.find((t) => t.key === table.key);
      for (const index of table.indexes) {
        const kept = next?.indexes.some((i) => i.name === index.name);
        if (next && !kept && calls(`${index.columns.join(', ')} ${index.predicate ?? ''}`, routine)) out.push(`Drop index ${index.name} of table ${table.key}`);
      }
    }
    for (const view of before.views) {
      if (!after.views.some((v) => v.key === view.key) && calls(view.definition, routine)) out.push(`Drop view ${view.key}`);
    }
  }
  return out.filter((d) => d !== script.description && !script.dependencies.includes(d));
}
