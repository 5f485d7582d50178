import type { z } from 'zod';

/** `constraints.dependencies[2]` from zod's `['constraints', 'dependencies', 2]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** One line for the first issue of a zod error, with a count of the others. */
export function describeZodError(error: z.ZodError): { path: string; message: string } {
  const [first, ...rest] = error.issues;
  if (!first) return { path: '', message: 'invalid document' };
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  return { path: formatPath(first.path), message: `${first.message}${more}` };
}
