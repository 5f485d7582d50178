import type { ChangeSeverity } from '@migration-architect/core';
import type { ApiOperation, SchemaUsage } from './api-model.js';
import type { SchemaObject } from './openapi-document.js';
import { referencedSchemaNames } from './schema-references.js';

/**
 * Which operations send or return each component schema. A change to a schema breaks clients
 * differently by direction: a property removed from a response breaks readers, the same removal
 * from a request body does not break senders.
 */
export function computeSchemaUsage(operations: Map<string, ApiOperation>, schemas: Map<string, SchemaObject>): Map<string, SchemaUsage> {
  const directRefs = new Map<string, Set<string>>();
  for (const [name, schema] of schemas) directRefs.set(name, referencedSchemaNames(schema));

  // Every schema reachable from a set of roots, following references through components.
  const reachable = (roots: Iterable<string>): Set<string> => {
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const next of directRefs.get(name) ?? []) queue.push(next);
    }
    return seen;
  };

  const usage = new Map<string, SchemaUsage>();
  for (const name of schemas.keys()) usage.set(name, { request: [], response: [] });
  for (const operation of operations.values()) {
    const sent = new Set<string>();
    for (const parameter of operation.parameters.values()) for (const n of referencedSchemaNames(parameter.schema)) sent.add(n);
    for (const n of referencedSchemaNames(operation.requestBody?.schema)) sent.add(n);
    const returned = new Set<string>();
    for (const response of operation.responses.values()) for (const n of referencedSchemaNames(response.schema)) returned.add(n);

    for (const name of reachable(sent)) usage.get(name)?.request.push(operation.key);
    for (const name of reachable(returned)) usage.get(name)?.response.push(operation.key);
  }
  return usage;
}

export const NO_USAGE: SchemaUsage = { request: [], response: [] };

export function mergeUsage(a: SchemaUsage | undefined, b: SchemaUsage | undefined): SchemaUsage {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return { request: union(a?.request ?? [], b?.request ?? []), response: union(a?.response ?? [], b?.response ?? []) };
}

export function usedOperations(usage: SchemaUsage): string[] {
  return [...new Set([...usage.request, ...usage.response])];
}

const SEVERITY_RANK: Record<ChangeSeverity, number> = { additive: 0, non_breaking: 1, potentially_breaking: 2, breaking: 3 };

export function worstSeverity(...severities: ChangeSeverity[]): ChangeSeverity {
  return severities.reduce((worst, s) => (SEVERITY_RANK[s] > SEVERITY_RANK[worst] ? s : worst), 'additive');
}

/**
 * The severity of a schema change given where the schema is used: the worse of the request and
 * response verdicts for the directions it appears in. A schema no operation uses gets the worse
 * of both, because clients may still use it (generated SDKs, webhooks the document does not list).
 */
export function severityForUsage(usage: SchemaUsage, verdict: { request: ChangeSeverity; response: ChangeSeverity }): ChangeSeverity {
  const inRequests = usage.request.length > 0;
  const inResponses = usage.response.length > 0;
  if (inRequests && !inResponses) return verdict.request;
  if (inResponses && !inRequests) return verdict.response;
  return worstSeverity(verdict.request, verdict.response);
}

/** "in responses of GET /users/{id}", for descriptions. */
export function describeUsage(usage: SchemaUsage): string {
  const parts: string[] = [];
  if (usage.request.length) parts.push(`sent by ${usage.request.join(', ')}`);
  if (usage.response.length) parts.push(`returned by ${usage.response.join(', ')}`);
  return parts.length ? parts.join('; ') : 'not referenced by any operation';
}
