import type { SchemaChange } from '@migration-architect/core';

/** The details every API change carries, whatever its kind. */
export interface ApiChangeDetails {
  /** Labels of the operations the change reaches: `GET /pets/{petId}`. */
  operations: string[];
  /** Every operation it reaches is draft or alpha (`x-stability-level`): breaking changes there are allowed. */
  unstable: boolean;
  [key: string]: unknown;
}

export function detailsOf<T extends ApiChangeDetails = ApiChangeDetails>(change: SchemaChange): T {
  return (change.details ?? { operations: [], unstable: false }) as T;
}

/** "GET /pets, POST /pets and 3 more": how descriptions name the operations a change reaches. */
export function describeOperations(operations: string[], limit = 3): string {
  if (operations.length === 0) return 'no operation';
  if (operations.length <= limit) return operations.length === 1 ? operations[0]! : `${operations.slice(0, -1).join(', ')} and ${operations.at(-1)}`;
  return `${operations.slice(0, limit).join(', ')} and ${operations.length - limit} more`;
}
