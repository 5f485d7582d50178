import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli, examples, fixtures, tempDir } from './harness.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function mutate(document: Json, path: (string | number)[], op: 'delete' | 'replace', replacement: Json): Json {
  if (path.length === 0) return op === 'replace' ? replacement : null;
  const copy = structuredClone(document) as Record<string | number, Json>;
  let parent: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (op === 'replace') parent[last] = replacement;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
}

/** A valid document, then broken: a value replaced or deleted, the text truncated, or noise. */
function brokenText(valid: Json): fc.Arbitrary<{ text: string; ext: string }> {
  const paths = pathsOf(valid);
  const structural = fc
    .record({
      index: fc.nat({ max: paths.length - 1 }),
      op: fc.constantFrom('delete' as const, 'replace' as const),
      replacement: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    })
    .map(({ index, op, replacement }) => JSON.stringify(mutate(valid, paths[index]!, op, replacement), null, 2));
  const full = JSON.stringify(valid, null, 2);
  const truncated = fc.nat({ max: full.length - 1 }).map((n) => full.slice(0, n));
  const noise = fc.string({ maxLength: 200 });
  return fc.record({ text: fc.oneof(structural, truncated, noise), ext: fc.constantFrom('.json', '.yaml', '') });
}

const load = (file: string): Json => JSON.parse(readFileSync(file, 'utf8'));

function assertClean(result: { code: number; stderr: string; stdout: string }, allowed: number[], outDir: string, inputName: string): void {
  expect(allowed).toContain(result.code);
  const failed = result.code > 2;
  if (failed) {
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^migration-architect: error: /);
    expect(lines[0]).toContain(inputName);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(outDir)).toEqual([]);
  } else {
    const written = readdirSync(outDir);
    expect(written).toEqual(['out.json']);
    JSON.parse(readFileSync(join(outDir, 'out.json'), 'utf8'));
  }
}

const RUNS = { numRuns: 120 };

describe('bad input never crashes and never half-writes (fast-check)', () => {
  it('plan: malformed, truncated and mutated specs', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(brokenText(load(join(examples, 'sample_service_migration.json'))), async ({ text, ext }) => {
        const dir = tempDir();
        const input = join(dir, `spec${ext}`);
        const outDir = join(dir, 'out');
        mkdirSync(outDir);
        writeFileSync(input, text);
        assertClean(await cli(['plan', input, '-o', join(outDir, 'out.json')]), [0, 65], outDir, input);
      }),
      RUNS,
    );
  });

  it("rollback: malformed, truncated and mutated plans (the seed planner's output as the base)", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(brokenText(load(join(fixtures, 'seed/expected/db_plan.json'))), async ({ text, ext }) => {
        const dir = tempDir();
        const input = join(dir, `plan${ext}`);
        const outDir = join(dir, 'out');
        mkdirSync(outDir);
        writeFileSync(input, text);
        assertClean(await cli(['rollback', input, '-o', join(outDir, 'out.json')]), [0, 65], outDir, input);
      }),
      RUNS,
    );
  });

  it('check: malformed, truncated and mutated database schemas', { timeout: 120_000 }, async () => {
    const valid = join(examples, 'database_schema_before.json');
    await fc.assert(
      fc.asyncProperty(brokenText(load(join(examples, 'database_schema_after.json'))), async ({ text, ext }) => {
        const dir = tempDir();
        const input = join(dir, `after${ext}`);
        const outDir = join(dir, 'out');
        mkdirSync(outDir);
        writeFileSync(input, text);
        assertClean(await cli(['check', valid, input, '--type', 'database', '-o', join(outDir, 'out.json')]), [0, 1, 2, 65], outDir, input);
      }),
      RUNS,
    );
  });

  it('check: malformed, truncated and mutated OpenAPI documents', { timeout: 120_000 }, async () => {
    const valid = join(examples, 'api/openapi-before.yaml');
    const { parse } = await import('yaml');
    const after = parse(readFileSync(join(examples, 'api/openapi-after.yaml'), 'utf8')) as Json;
    await fc.assert(
      fc.asyncProperty(brokenText(after), async ({ text, ext }) => {
        const dir = tempDir();
        const input = join(dir, `after${ext}`);
        const outDir = join(dir, 'out');
        mkdirSync(outDir);
        writeFileSync(input, text);
        assertClean(await cli(['check', valid, input, '--type', 'api', '-o', join(outDir, 'out.json')]), [0, 1, 2, 65], outDir, input);
      }),
      RUNS,
    );
  });
});
