import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArbitrary, checkCase } from './oracle/oracle-case.js';
import { schemaArbitrary } from './oracle/schema-arbitraries.js';

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

describe('the checker against a JSON Schema 2020-12 validator', () => {
  it(`narrowing and widening bodies, ${RUNS} random cases`, async () => {
    let witnessed = 0;
    const byMutation = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(caseArbitrary(schemaArbitrary), async (c) => {
        const witnessedBy = await checkCase(c);
        if (witnessedBy === undefined) return;
        witnessed++;
        byMutation.set(witnessedBy, (byMutation.get(witnessedBy) ?? 0) + 1);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
    );
    // The oracle must have had something to say: most cases find a witness.
    expect(witnessed).toBeGreaterThan(RUNS / 4);
    if (process.env['ORACLE_REPORT']) console.log(`witnessed ${witnessed} of ${RUNS}:`, Object.fromEntries([...byMutation].sort()));
  }, 600_000);
});
