import { createSchemaInputHandle, type SchemaSourceInput } from '@migration-architect/core';
import type { DatabaseSchema } from '../src/index.js';

/** The handle core gives sources for an input, as `check` would make it. */
export function handle(input: string, cwd = process.cwd()) {
  return createSchemaInputHandle(input, { cwd, explicit: false });
}

/** True when the source answers for the input (reads it, or fails reading it) rather than passing it on. */
export async function claims(source: SchemaSourceInput<DatabaseSchema>, input: string): Promise<boolean> {
  try {
    return (await source.read(handle(input, '/nonexistent'))) !== undefined;
  } catch {
    return true;
  }
}

/** The model a source reads from an input; fails when the source does not answer for it. */
export async function modelOf(source: SchemaSourceInput<DatabaseSchema>, input: string, cwd = process.cwd()): Promise<DatabaseSchema> {
  const read = await source.read(handle(input, cwd));
  if (!read) throw new Error(`source ${source.id} does not read ${input}`);
  return read.model;
}
