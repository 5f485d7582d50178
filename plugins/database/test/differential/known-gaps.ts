/**
 * Failure classes the differential test finds that are not fixed yet, each with what goes wrong.
 * `pnpm test` counts them instead of failing on them, so it fails on anything new or on a fixed
 * class coming back; the survey run (`DIFF_SURVEY=1`, docs/testing.md) reports them all. Remove an
 * entry when its class is fixed.
 */
export const knownGaps: { outcome: RegExp; why: string }[] = [
  {
    outcome: /^forward misses what only the catalog shows/,
    why: "UNIQUE NULLS NOT DISTINCT and a second UNIQUE on the same columns are not modelled; and a domain CHECK with IN (…) over varchar, read from the catalog and created again, is stored with its casts moved (PostgreSQL's printout does not round-trip; a pg_dump restore shows the same): --verify catches it through the catalog printout",
  },
  {
    outcome: /^type change left in its expand phase/,
    why: 'a rewriting type change adds <column>_new and swaps in a later release: no contract script is emitted yet (issue 15, contract steps)',
  },
  {
    outcome: /^rollback script fails: (operator does not exist: .* = .*_before_rollback|cannot alter type of a column used by a view or rule)/,
    why: 'an added enum value rolls back by swapping the type, which fails while an index predicate or a view uses the column',
  },
  {
    outcome: /^rollback script fails: cannot drop view .* because other objects depend on it/,
    why: 'a renamed table leaves a view under its old name; once other views are bound to it, the rollback cannot drop it',
  },
  {
    outcome: /^forward script fails: cannot drop constraint .* because other objects depend on it/,
    why: 'replacing a primary key that foreign keys reference does not drop and re-add those foreign keys',
  },
  {
    outcome: /^forward script fails: cannot drop column .* because other objects depend on it/,
    why: 'a column is dropped before every view that used it is replaced',
  },
  {
    outcome: /^rollback script fails: column .* does not exist in: DO \$replace_view\$/,
    why: 'a view replaced only because of a declared column rename rolls back before the rename does',
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
    outcome: /^rollback script fails: cannot drop table .* because other objects depend on it/,
    why: "a new table's rollback runs while a foreign key or view moved onto it by another script still depends on it (rollback order across scripts)",
  },
  {
    outcome: /^rollback script fails: column .* (referenced in foreign key constraint does not exist|does not exist in: CREATE INDEX CONCURRENTLY)/,
    why: "a foreign key or index replaced because of a renamed column rolls back before the column's own rename or drop does",
  },
  {
    outcome: /^forward script fails: index .* is already associated with a constraint/,
    why: 'a primary key replaced on a partitioned table is scripted again on each partition, where PostgreSQL already cloned it',
  },
  {
    outcome: /^forward misses an added index/,
    why: 'an index added to a partitioned table (DIFF_SEED=1:17:1:2:2:2:2:2:2:2:2:2:2:2:2, events) is not there after the scripts: not investigated yet',
  },
];

export const knownGap = (outcome: string) => knownGaps.find((gap) => gap.outcome.test(outcome));
