/**
 * Failure classes the differential test finds that are not fixed yet, each with what goes wrong.
 * `pnpm test` counts them instead of failing on them, so it fails on anything new or on a fixed
 * class coming back; the survey run (`DIFF_SURVEY=1`, docs/testing.md) reports them all. Remove an
 * entry when its class is fixed.
 */
export const knownGaps: { outcome: RegExp; why: string }[] = [
  {
    outcome: /^forward script fails: insert or update on table .* violates foreign key constraint .* in: ALTER TABLE .* VALIDATE/,
    why: 'a table renamed without --rename is a new, empty table: the rows stay in the one set aside, so a foreign key to it cannot validate (the data loss is the finding)',
  },
  {
    outcome: /^forward script fails: trigger "…" for relation "…" already exists/,
    why: "PostgreSQL clones a partitioned table's row trigger onto each partition; the live source reads the clones as triggers of their own and scripts them again",
  },
  {
    outcome: /^forward leaves a view under a renamed table's old name/,
    why: 'a declared table rename leaves a view under the old name for clients not yet moved; dropping it belongs to a contract script, not emitted yet',
  },
  {
    outcome: /^forward script fails: index .* is already associated with a constraint/,
    why: 'a primary key replaced on a partitioned table is scripted again on each partition, where PostgreSQL already cloned it (a detached partition keeping its inherited key, DIFF_SEED=9125, is fixed: membership is compared and scripted as DETACH/ATTACH PARTITION)',
  },
  // Found on the unseen seeds from 95000 (docs/testing.md), one case each, not worked through yet:
  {
    outcome: /^forward misses what only the catalog shows/,
    why: "a text column with a default changed to varchar(n): PostgreSQL keeps the default's printed cast (''::text) where the script's SET DEFAULT after the change prints ''::character varying; the model compares the value, the catalog printout the cast (DIFF_SEED=95160)",
  },
  {
    outcome: /^forward script fails: column "…" referenced in foreign key constraint does not exist in: CREATE TABLE/,
    why: 'a new table whose foreign key references a column renamed (without --rename) in the same change is created before that column is added (DIFF_SEED=95169)',
  },
  {
    outcome: /^rollback script fails: operator does not exist: \S+ = \S+_before_rollback/,
    why: 'an enum-swap rollback meeting an operator on the old type, here with the primary key moved in the same change (DIFF_SEED=95170; the class of 7 in the 150-case run from seed 9000, fixed then for checks, indexes, triggers and views)',
  },
  {
    outcome: /^forward script fails: column "…" does not exist in: CREATE UNIQUE INDEX CONCURRENTLY/,
    why: 'an expression index rebuilt for a primary key move names a column a declared rename renames, before the rename runs (DIFF_SEED=95261)',
  },
  // The classes the 600-case survey from seed 20000 added here (docs/testing.md) are fixed, each with a case in test/survey-classes.test.ts;
  // so are the domain IN (…) printout, the serial sequence names, the view column qualifiers under a declared rename (9117, 50001),
  // text to jsonb (70266) and the serial default moved to another sequence, found before the 90000 survey.
];

export const knownGap = (outcome: string) => knownGaps.find((gap) => gap.outcome.test(outcome));
