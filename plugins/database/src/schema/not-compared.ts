import type { DatabaseSchema } from './model.js';

/**
 * The report's warning for objects a source read but the model does not hold (domains, policies,
 * grants, ...): they are not compared, and the user is told rather than left to assume they were.
 */
export function notComparedWarnings(model: DatabaseSchema): string[] {
  const counts = Object.entries(model.notCompared ?? {});
  if (counts.length === 0) return [];
  return [`not compared (the database checker does not model them yet): ${counts.map(([kind, n]) => `${n} ${kind}`).join(', ')}`];
}
