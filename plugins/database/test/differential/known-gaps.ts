/**
 * Failure classes the differential test finds that are not fixed yet, each with what goes wrong.
 * `pnpm test` counts them instead of failing on them, so it fails on anything new or on a fixed
 * class coming back; the survey run (`DIFF_SURVEY=1`, docs/testing.md) reports them all. Remove an
 * entry when its class is fixed.
 */
export const knownGaps: { outcome: RegExp; why: string }[] = [
  {
    outcome: /^forward misses what only the catalog shows/,
    why: "two classes the model does not see: a domain CHECK with IN (…) over varchar, read from the catalog and created again, is stored with its casts moved (PostgreSQL's printout does not round-trip; a pg_dump restore shows the same; DIFF_SEED=9021, 70022), and a serial column renamed (without --rename, or with its table) keeps its sequence's first name while the scripts create `<table>_<new column>_seq` (DIFF_SEED=50874): the model compares sequences owned by a column by the column, not by name. --verify catches both through the catalog printout",
  },
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
  {
    outcome: /^rollback script fails: column \S+ does not exist in: DO \$replace_view\$/,
    why: "a declared column rename where another table the view reads has a column of the same name: the canonical form compares columns without their qualifiers, so it cannot tell which one the view reads and replaces the view; the replacement's rollback then runs before the rename's and names the old column (DIFF_SEED=9117)",
  },
  {
    outcome: /^rollback does not return to the before schema: a serial column's default moved to another sequence/,
    why: "a serial column's default moved to another sequence (and its own dropped): the column no longer reads as serial after the rollback, and the scripts for the default, the value generation and the sequence do not agree on order (found once the rollback order across scripts was fixed, DIFF_SEED=1:14)",
  },
  {
    outcome: /^forward script fails: invalid input syntax for type json/,
    why: "a text column changed to jsonb: the cast (the only conversion the two schemas state) fails on values that are not JSON; the project's own USING (to_jsonb(…)) is in neither schema. The finding is right; the script needs the conversion expression from the user (DIFF_SEED=70266, found on the fresh seeds from 70000)",
  },
  {
    outcome: /^rollback script fails: cannot drop table \S+ because other objects depend on it in: DROP TABLE IF EXISTS/,
    why: "a table renamed without --rename while a column another table's view reads is renamed too: the views' rollbacks fail on the column qualifier (DIFF_SEED=9117's class), so they still read the new table when its rollback drops it (DIFF_SEED=50001)",
  },
  // The classes the 600-case survey from seed 20000 added here (docs/testing.md) are fixed, each with a case in test/survey-classes.test.ts.
];

export const knownGap = (outcome: string) => knownGaps.find((gap) => gap.outcome.test(outcome));
