import type { CompatibilityReport } from '@migration-architect/core';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestBodyDocument, responseBodyDocument } from '../src/api/rules/example-documents.js';
import { checkDocuments } from './fixtures.js';
import { instanceArbitrary, schemaArbitrary, type Schema } from './oracle/schema-arbitraries.js';
import { MUTATIONS, replaceAt, targets } from './oracle/schema-mutations.js';

/**
 * A JSON Schema 2020-12 validator as the oracle for what the checker says about a schema change.
 * A random schema S is narrowed by one mutation to S' (S' admits a subset of S, by construction);
 * instances are sampled from S and validated with Ajv under both. Then:
 *
 * - S → S' in a request body: when an instance S accepted is refused by S', the checker must fail
 *   the check (a breaking or potentially breaking finding: some rules say "potentially" on purpose,
 *   e.g. a bound set where there was none); in a response body S → S' must not be called breaking.
 * - S' → S in a response body: when an instance S admits was refused by S', the checker must fail
 *   the check, unless the instance differs only by properties the old schema does not name (the
 *   checker's policy: clients ignore unknown properties); in a request body S' → S must not be
 *   called breaking.
 *
 * ORACLE_RUNS sets the number of cases (default 200); ORACLE_SEED replays one run. Every failure
 * prints the seed, the mutation, both schemas and the instance.
 */

const RUNS = Number(process.env['ORACLE_RUNS'] ?? 200);
const SEED = process.env['ORACLE_SEED'] === undefined ? undefined : Number(process.env['ORACLE_SEED']);
const SAMPLES = 40;

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const v31 = (doc: Record<string, unknown>) => ({ ...doc, openapi: '3.1.0' });

const failing = (report: CompatibilityReport) => report.issues.filter((i) => i.severity === 'breaking' || i.severity === 'potentially_breaking');
const breaking = (report: CompatibilityReport) => report.issues.filter((i) => i.severity === 'breaking');
const show = (report: CompatibilityReport) => report.issues.map((i) => `${i.severity} ${i.rule} ${i.field_path}`).join('\n    ') || 'no finding';

interface Case {
  loose: Schema;
  strict: Schema;
  mutation: string;
  path: string[];
  sampleSeed: number;
}

const caseArbitrary: fc.Arbitrary<Case | undefined> = fc
  .tuple(schemaArbitrary, fc.nat({ max: MUTATIONS.length - 1 }), fc.nat(), fc.integer())
  .map(([loose, m, t, sampleSeed]) => {
    const paths = targets(loose);
    // Try the chosen mutation at the chosen place, then the next ones, so most cases mutate something.
    for (let i = 0; i < MUTATIONS.length; i++) {
      const mutation = MUTATIONS[(m + i) % MUTATIONS.length]!;
      for (let j = 0; j < paths.length; j++) {
        const path = paths[(t + j) % paths.length]!;
        const strict = replaceAt(loose, path, mutation.apply);
        if (strict) return { loose, strict, mutation: mutation.name, path, sampleSeed };
      }
    }
    return undefined;
  });

/**
 * The schema as a tolerant client reads a response: properties it does not know are ignored (the
 * checker's documented policy: a response gaining properties breaks nobody), so closing keywords
 * on property names are dropped.
 */
function tolerant(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(tolerant);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'additionalProperties' || key === 'unevaluatedProperties') && value === false) continue;
    if (key === 'propertyNames') continue;
    out[key] = key === 'enum' || key === 'const' ? value : tolerant(value);
  }
  return out;
}

/** Instances `loose` accepts and `strict` refuses, for requests and for (tolerant) response readers, if sampling finds them. */
function witnesses(c: Case): { request: unknown; response: unknown } {
  const accepts = { loose: ajv.compile(c.loose), strict: ajv.compile(c.strict), tolerantStrict: ajv.compile(tolerant(c.strict) as Schema) };
  const samples = fc.sample(instanceArbitrary(c.loose), { seed: c.sampleSeed, numRuns: SAMPLES });
  let request: unknown;
  let response: unknown;
  for (const instance of samples) {
    const strictAccepts = accepts.strict(instance);
    // By construction strict ⊆ loose: an instance only strict accepts means the mutation is wrong.
    if (strictAccepts && !accepts.loose(instance)) throw new Error(`mutation "${c.mutation}" widened: ${JSON.stringify(instance)}`);
    if (!accepts.loose(instance) || strictAccepts) continue;
    request ??= instance;
    if (!accepts.tolerantStrict(instance)) response ??= instance;
  }
  return { request, response };
}

describe('the checker against a JSON Schema 2020-12 validator', () => {
  it(`narrowing and widening bodies, ${RUNS} random cases`, async () => {
    let witnessed = 0;
    const byMutation = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        if (!c) return;
        const found = witnesses(c);
        const context = () =>
          `mutation "${c.mutation}" at /${c.path.join('/')}\n  loose:  ${JSON.stringify(c.loose)}\n  strict: ${JSON.stringify(c.strict)}\n  instances: ${JSON.stringify(found)}`;
        const request = await checkDocuments(v31(requestBodyDocument(c.loose)), v31(requestBodyDocument(c.strict)));
        const response = await checkDocuments(v31(responseBodyDocument(c.strict)), v31(responseBodyDocument(c.loose)));
        // Mirrors: a request accepting more, a response returning less, never break anyone.
        const requestWidened = await checkDocuments(v31(requestBodyDocument(c.strict)), v31(requestBodyDocument(c.loose)));
        const responseNarrowed = await checkDocuments(v31(responseBodyDocument(c.loose)), v31(responseBodyDocument(c.strict)));
        expect(breaking(requestWidened), `request widened (strict → loose) called breaking; ${context()}\n    ${show(requestWidened)}`).toEqual([]);
        expect(breaking(responseNarrowed), `response narrowed (loose → strict) called breaking; ${context()}\n    ${show(responseNarrowed)}`).toEqual([]);
        if (found.request === undefined) return;
        witnessed++;
        byMutation.set(c.mutation, (byMutation.get(c.mutation) ?? 0) + 1);
        expect(
          failing(request).length,
          `request narrowed: the new schema refuses an instance the old one accepted, yet the check passes; ${context()}`,
        ).toBeGreaterThan(0);
        if (found.response === undefined) return;
        expect(
          failing(response).length,
          `response widened: the new schema admits an instance the old one refused, yet the check passes; ${context()}`,
        ).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
    );
    // The oracle must have had something to say: most cases find a witness.
    expect(witnessed).toBeGreaterThan(RUNS / 4);
    if (process.env['ORACLE_REPORT']) console.log(`witnessed ${witnessed} of ${RUNS}:`, Object.fromEntries([...byMutation].sort()));
  }, 600_000);
});
