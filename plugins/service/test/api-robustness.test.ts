import { MigrationArchitectError, parseDocument } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { checkDocuments, exampleText } from './fixtures.js';

/**
 * Every node of a real description deleted or replaced by an odd value, one at a time: the check
 * either succeeds or fails with a one-line input error (65) naming the file; it never crashes.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function mutate(document: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const copy = structuredClone(document) as Record<string | number, Json>;
  let parent: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (replacement !== undefined) parent[last] = replacement;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
}

const REPLACEMENTS: (Json | undefined)[] = [undefined, null, 'x', [1, 'a'], { $ref: '!' }];
// The before side is read the same way; fewer replacements keep the test short.
const BEFORE_REPLACEMENTS: (Json | undefined)[] = [undefined, 7, { $ref: '#/nowhere' }];

describe('odd input never crashes the API checker', () => {
  const before = parseDocument(exampleText('api/openapi-before.yaml'), 'before.yaml') as Json;
  const after = parseDocument(exampleText('api/openapi-after.yaml'), 'after.yaml') as Json;

  it.each([
    ['after', after],
    ['before', before],
  ] as const)('every node of the %s document, deleted or replaced', { timeout: 120_000 }, async (side, document) => {
    const crashes: string[] = [];
    for (const path of pathsOf(document)) {
      for (const replacement of side === 'after' ? REPLACEMENTS : BEFORE_REPLACEMENTS) {
        const mutated = mutate(document, path, replacement);
        try {
          await (side === 'after' ? checkDocuments(before, mutated) : checkDocuments(mutated, after));
        } catch (error) {
          const ok =
            error instanceof MigrationArchitectError &&
            error.exitCode === 65 &&
            error.describe().startsWith(`${side}.json`) &&
            !error.describe().includes('\n');
          if (!ok)
            crashes.push(`${path.join('.')} := ${JSON.stringify(replacement)}: ${error instanceof MigrationArchitectError ? error.describe() : String(error)}`);
        }
      }
    }
    expect(crashes.slice(0, 10)).toEqual([]);
  });
});
