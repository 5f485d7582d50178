import { formatPath } from '@migration-architect/core';
import { change, type DatabaseChange } from './changes.js';
import type { Extension } from './model.js';

const value = (e: Extension) => ({ schema: e.schema, version: e.version });

/**
 * Extensions by name. A version is compared only when both sides know it (a pg_dump does not
 * write versions, a live catalog does); a schema only when both sides name one.
 */
export function diffExtensions(before: readonly Extension[], after: readonly Extension[]): DatabaseChange[] {
  const afterByName = new Map(after.map((e) => [e.name, e]));
  const beforeByName = new Map(before.map((e) => [e.name, e]));
  const path = (e: Extension) => formatPath(['extensions', e.name]);
  const out: DatabaseChange[] = [
    ...after.filter((e) => !beforeByName.has(e.name)).map((e) => change('extension.added', path(e), e.name, { after: value(e) }, { extension: e })),
    ...before.filter((e) => !afterByName.has(e.name)).map((e) => change('extension.removed', path(e), e.name, { before: value(e) }, { extension: e })),
  ];
  for (const old of before) {
    const next = afterByName.get(old.name);
    if (!next) continue;
    const versionChanged = old.version !== null && next.version !== null && old.version !== next.version;
    const schemaChanged = old.schema !== null && next.schema !== null && old.schema !== next.schema;
    if (versionChanged || schemaChanged)
      out.push(change('extension.changed', path(next), next.name, { before: value(old), after: value(next) }, { before: old, after: next }));
  }
  return out;
}
