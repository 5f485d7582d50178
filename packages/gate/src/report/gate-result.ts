import type { AcceptanceEntry, ChangeSeverity, CompatibilityIssue, CompatibilityReport } from '@migration-architect/core';

/** One input the gate checked: a schema file compared base → head, or a migration linted on the replayed schema. */
export interface GateInput {
  /** Repository path (a migration: the file that applies it). */
  path: string;
  kind: 'migration' | 'schema' | 'ledger';
  change: 'added' | 'modified' | 'deleted';
  /** The checker that read it (`database`, `api`, `graphql`), or `gate` for the ledger. */
  checker: string;
  /** Why the gate took it: "Flyway migration V43 in db/migration, after 42 earlier ones", "read by api/openapi". */
  why: string;
  /** The checker's report, accepted findings taken out; null when the input could not be read. */
  report: CompatibilityReport | null;
  /** Why the input could not be checked (one line, naming the file and the place in it). */
  error: string | null;
  /** Migrations: the earlier ones replayed to get the schema it applies to. */
  replay?: { earlier: number; cached: boolean; engine: string } | undefined;
  /** Migrations: up → down → up. */
  round_trip?: { status: 'passed' | 'failed' | 'no_down' | 'does_not_apply'; down: string | null; differences: string[] } | undefined;
}

/** A finding an entry of the ledger accepted. */
export interface GateAccepted {
  entry: AcceptanceEntry;
  /** 1-based position of the entry in the ledger. */
  entry_number: number;
  input: string;
  issue: CompatibilityIssue;
}

export interface GateResult {
  tool: { name: 'migration-architect'; version: string };
  base: { ref: string; commit: string; from: string };
  head: { ref: string; commit: string | null };
  fail_on: ChangeSeverity | 'none';
  inputs: GateInput[];
  /** Changed files the gate did not check, and why (shown by `--dry-run` and in the JSON). */
  skipped: { path: string; why: string }[];
  acceptance: {
    /** Where the entries came from: the config file and/or the ledger file. */
    sources: string[];
    accepted: GateAccepted[];
    expired: { entry: AcceptanceEntry; entry_number: number }[];
    unmatched: { entry: AcceptanceEntry; entry_number: number }[];
  };
  counts: Record<ChangeSeverity, number>;
  /** 0 passes; 1 potentially breaking, 2 breaking (at or above `fail_on`); 65 when an input could not be read. */
  exit_code: number;
}

/** What `--dry-run` prints: the inputs the gate would check, and why, without checking them. */
export interface GatePlan {
  base: GateResult['base'];
  head: GateResult['head'];
  inputs: Pick<GateInput, 'path' | 'kind' | 'change' | 'checker' | 'why'>[];
  skipped: GateResult['skipped'];
}
