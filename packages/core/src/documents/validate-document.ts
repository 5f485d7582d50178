import type { z } from 'zod';
import { InputDataError } from '../errors/errors.js';
import { describeZodError } from '../errors/zod-issue-path.js';

/**
 * Checks a parsed document against a schema and returns the typed value, or throws an
 * InputDataError naming the file, the path of the first problem, and what was expected.
 */
export function validateDocument<S extends z.ZodType>(schema: S, value: unknown, file: string, what: string): z.infer<S> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new InputDataError(`expected ${what} (an object), got ${got}`, { file });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { path, message } = describeZodError(result.error);
  throw new InputDataError(message, { file, path: path || undefined });
}
