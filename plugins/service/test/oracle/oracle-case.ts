import type { CompatibilityReport } from '@migration-architect/core';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { expect } from 'vitest';
import { requestBodyDocument, responseBodyDocument } from '../../src/api/rules/example-documents.js';
import { checkDocuments } from '../fixtures.js';
import { instanceArbitrary, type Schema } from './schema-arbitraries.js';
import { MUTATIONS, replaceAt, targets } from './schema-mutations.js';

/** One oracle case: a schema, the same schema narrowed by one mutation, and what the checker must say about the pair (see api-schema-oracle.test.ts). */

const SAMPLES = 40;

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const v31 = (doc: Record<string, unknown>) => ({ ...doc, openapi: '3.1.0' });

const failing = (report: CompatibilityReport) => report.issues.filter((i) => i.severity === 'breaking' || i.severity === 'potentially_breaking');
const breaking = (report: CompatibilityReport) => report.issues.filter((i) => i.severity === 'breaking');
const show = (report: CompatibilityReport) => report.issues.map((i) => `${i.severity} ${i.rule} ${i.field_path}`).join('\n    ') || 'no finding';

export interface Case {
  loose: Schema;
  strict: Schema;
  mutation: string;
  path: string[];
  sampleSeed: number;
}

/** Cases on schemas from `schemas`: one mutation at one place, the next applicable one when the chosen one does not apply. */
export const caseArbitrary = (schemas: fc.Arbitrary<Schema>): fc.Arbitrary<Case | undefined> =>
  fc.tuple(schemas, fc.nat({ max: MUTATIONS.length - 1 }), fc.nat(), fc.integer()).map(([loose, m, t, sampleSeed]) => {
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

/** Asserts what the checker says about one case; returns the mutation when an instance told the two schemas apart. */
export async function checkCase(c: Case | undefined): Promise<string | undefined> {
  if (!c) return undefined;
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
  if (found.request === undefined) return undefined;
  expect(
    failing(request).length,
    `request narrowed: the new schema refuses an instance the old one accepted, yet the check passes; ${context()}`,
  ).toBeGreaterThan(0);
  if (found.response === undefined) return c.mutation;
  expect(
    failing(response).length,
    `response widened: the new schema admits an instance the old one refused, yet the check passes; ${context()}`,
  ).toBeGreaterThan(0);
  return c.mutation;
}
