import type { QualifiedName } from './model.js';

/** PostgreSQL's default schema: `public.users` and `users` name the same table. */
export const DEFAULT_SCHEMA = 'public';

/** What two sides match objects by: the schema (public when unqualified) and the name. */
export function objectIdentity(name: QualifiedName): string {
  return `${name.schema ?? DEFAULT_SCHEMA}.${name.name}`;
}

export function sameObject(a: QualifiedName, b: QualifiedName): boolean {
  return objectIdentity(a) === objectIdentity(b);
}

/** The report key: unqualified in the default schema, so a pg_dump and a hand-written file give the same paths. */
export function objectKey(schema: string | null, name: string): string {
  return schema && schema !== DEFAULT_SCHEMA ? `${schema}.${name}` : name;
}
