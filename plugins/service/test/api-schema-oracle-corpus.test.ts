import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../../tooling/corpora/corpora-root.js';
import { caseArbitrary, checkCase } from './oracle/oracle-case.js';
import type { Schema } from './oracle/schema-arbitraries.js';

/**
 * The validator oracle (api-schema-oracle.test.ts) on real schemas: the self-contained object
 * schemas (no `$ref`) of the OpenAPI 3.1 descriptions in the `api-histories` corpus, each
 * narrowed by one mutation. Skipped when the corpus is absent (docs/testing.md).
 */

const root = corpusDir('api-histories');
const RUNS = Number(process.env['ORACLE_RUNS'] ?? 200);
const SEED = process.env['ORACLE_SEED'] === undefined ? undefined : Number(process.env['ORACLE_SEED']);

function realSchemas(): Schema[] {
  const document = JSON.parse(readFileSync(join(root!, 'adyen-payment/v68.json'), 'utf8')) as { components: { schemas: Record<string, Schema> } };
  return Object.values(document.components.schemas).filter((schema) => schema['type'] === 'object' && !JSON.stringify(schema).includes('"$ref"'));
}

describe.skipIf(!root)('the checker against a JSON Schema 2020-12 validator, on real schemas', () => {
  it(`mutations of Adyen's self-contained schemas, ${RUNS} cases`, async () => {
    const schemas = realSchemas();
    expect(schemas.length).toBeGreaterThan(20);
    let witnessed = 0;
    await fc.assert(
      fc.asyncProperty(caseArbitrary(fc.constantFrom(...schemas)), async (c) => {
        if ((await checkCase(c)) !== undefined) witnessed++;
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
    );
    expect(witnessed).toBeGreaterThan(RUNS / 10);
    if (process.env['ORACLE_REPORT']) console.log(`real schemas: ${schemas.length}; witnessed ${witnessed} of ${RUNS}`);
  }, 600_000);
});
