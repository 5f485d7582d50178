import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { corpusDir } from '../../../tooling/corpora/corpora-root.js';
import { type BaseSchema, baseSchemas } from './differential/base-schemas.js';
import { DifferentialHarness } from './differential/differential-case.js';
import { knownGap } from './differential/known-gaps.js';
import { type Mutation, mutationArbitrary } from './differential/schema-mutations.js';
import { PostgresServer } from './postgres-server.js';

/**
 * PostgreSQL as the oracle (docs/testing.md, "Differential test"): a base schema, random valid DDL
 * applied to a copy of it, both read as `check` reads live databases, and every script the report
 * holds replayed forward (must reach the after catalog) and back (must return to the before one).
 *
 *   DIFF_RUNS=3000 DIFF_SURVEY=1 npx vitest run test/differential.test.ts  # count outcomes by class
 *   DIFF_SEED=<seed> npx vitest run test/differential.test.ts             # replay a case, shrunk
 */
const server = new PostgresServer(inject('postgresUrl'));
const harness = new DifferentialHarness(server);
afterAll(() => server.close());

const runs = Number(process.env.DIFF_RUNS ?? 20);
// DIFF_SEED=<seed> replays a run from its first case; DIFF_SEED=<seed>:<path>, as a failure prints it, replays the shrunk case alone.
const [, seedText, path] = /^([^:]*):?(.*)$/.exec(process.env.DIFF_SEED ?? '')!;
// `pnpm test` draws the same cases every run (seed 1), so a red run is a regression, not a new draw;
// DIFF_SEED=random draws new ones, as the survey run does by default.
const seed = seedText === 'random' ? undefined : seedText ? Number(seedText) : process.env.DIFF_SURVEY ? undefined : 1;

/** The first version of each corpus project that loads without PostGIS-sized setup: real shapes to mutate. */
function corpusBases(): BaseSchema[] {
  const root = corpusDir('database-schema-histories');
  if (!root) return [];
  return ['pagila', 'zync'].flatMap((project) => {
    const files = readdirSync(join(root, project)).filter((f) => f.endsWith('.sql'));
    const first = files.sort()[0];
    return first ? [{ name: `${project}/${first}`, sql: readFileSync(join(root, project, first), 'utf8') }] : [];
  });
}

const bases = process.env.DIFF_BASES
  ? [...baseSchemas, ...corpusBases()].filter((b) => process.env.DIFF_BASES!.split(',').some((n) => b.name.startsWith(n)))
  : [...baseSchemas, ...corpusBases()];
const cases = fc.record({ base: fc.constantFrom(...bases), mutations: fc.array(mutationArbitrary(), { minLength: 1, maxLength: 4 }) });

const show = (base: BaseSchema, mutations: readonly Mutation[]) => `${base.name}: ${JSON.stringify(mutations)}`;

describe('differential: random valid DDL, scripts replayed on PostgreSQL', () => {
  it.skipIf(process.env.DIFF_SURVEY)(`${runs} cases reach the after schema and roll back to the before schema`, { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    const counts = new Map<string, number>();
    await fc
      .assert(
        fc.asyncProperty(cases, async ({ base, mutations }) => {
          const result = await harness.run(base, mutations);
          const gap = knownGap(result.outcome);
          const label = gap ? `known gap: ${result.outcome}` : result.outcome;
          counts.set(label, (counts.get(label) ?? 0) + 1);
          if (result.outcome === 'passed' || result.outcome === 'needs input' || gap) return true;
          failures.push(
            `${result.outcome}\n  mutations: ${show(base, mutations)}\n  applied SQL:\n    ${result.applied.join(';\n    ')}\n  ${result.details.join('\n  ')}`,
          );
          return false;
        }),
        { numRuns: runs, seed, ...(path ? { path } : {}), endOnFailure: process.env.DIFF_NO_SHRINK !== undefined },
      )
      .catch((error: Error) => {
        // fast-check's message has the seed; the last failure recorded is the shrunk one.
        const replay = /seed: (-?\d+), path: "([^"]+)"/.exec(error.message);
        throw new Error(
          `${failures.at(-1)}\n\nreproduce with DIFF_SEED=${replay ? `${replay[1]}:${replay[2]}` : '(see below)'} npx vitest run test/differential.test.ts\n\n${error.message.split('\n').slice(0, 3).join('\n')}`,
        );
      });
    // Shrinking reruns cases: the counts cover every run, shrinks included.
    console.log(`differential: ${runs} cases\n${[...counts].map(([outcome, n]) => `${String(n).padStart(5)}  ${outcome}`).join('\n')}`);
  });

  it.runIf(process.env.DIFF_SURVEY)(`survey: ${runs} cases counted by outcome`, { timeout: 24 * 3600_000 }, async () => {
    const first = seed ?? Date.now() % 1_000_000;
    const classes = new Map<string, { count: number; seed: number; seeds: number[]; example: string }>();
    let scripts = 0;
    let applied = 0;
    for (let i = 0; i < runs; i++) {
      // One seed per case, so each reproduces alone (fc.assert's first case for a seed is fc.sample's).
      const [{ base, mutations }] = fc.sample(cases, { seed: first + i, numRuns: 1 }) as [{ base: BaseSchema; mutations: Mutation[] }];
      const result = await harness.run(base, mutations).catch((error: Error) => ({
        outcome: `harness error: ${error.message.split('\n')[0]}`,
        applied: [],
        scripts: 0,
        details: [error.stack ?? ''],
        report: undefined,
      }));
      if (process.env.DIFF_VERBOSE) {
        for (const [n, script] of (result.report?.migration_scripts ?? []).entries()) {
          console.log(`--- script ${n + 1}: ${script.description}\n${script.script_content}\n--- rollback:\n${script.rollback_script}`);
        }
        // Every step's outcome: the class names the first failure by script, not by the order they ran in.
        const steps =
          (
            result as {
              verification?: { scripts: { index: number; migration: { status: string; error?: string }; rollback: { status: string; error?: string } }[] };
            }
          ).verification?.scripts ?? [];
        for (const step of steps)
          console.log(`step ${step.index + 1}: ${step.migration.status} ${step.migration.error ?? ''} / ${step.rollback.status} ${step.rollback.error ?? ''}`);
      }
      scripts += result.scripts;
      applied += result.applied.length;
      const known = classes.get(result.outcome);
      if (known) {
        known.count++;
        known.seeds.push(first + i);
      } else
        classes.set(result.outcome, {
          count: 1,
          seed: first + i,
          seeds: [first + i],
          example: `${show(base, mutations)}\n      ${(process.env.DIFF_VERBOSE ? result.details : result.details.slice(0, 2).map((d) => d.slice(0, 300))).join('\n      ')}`,
        });
    }
    const lines = [...classes]
      .sort((a, b) => b[1].count - a[1].count)
      // Every seed of a failing class, so a later commit can replay exactly the cases that failed.
      .map(
        ([outcome, c]) =>
          `${String(c.count).padStart(6)}  ${outcome}  (DIFF_SEED=${c.seed})${outcome === 'passed' ? '' : `\n      seeds: ${c.seeds.join(' ')}`}\n      ${c.example}`,
      );
    console.log(`differential survey: ${runs} cases from seed ${first}, ${applied} statements applied, ${scripts} scripts\n${lines.join('\n')}`);
    expect(classes.size).toBeGreaterThan(0);
  });
});
