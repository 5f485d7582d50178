import type { AcceptanceRecord, CompatibilityIssue } from '@migration-architect/core';
import type { GateResult } from './gate-result.js';

/** A finding an input accepted itself (a `-- migration-architect-ignore` comment, a plugin option). */
export interface GateInlineAccepted {
  input: string;
  entry: AcceptanceRecord;
  issue: CompatibilityIssue;
}

/**
 * The acceptances written in the inputs, which core applied while checking each one and recorded
 * in its report: the ledger's are in `result.acceptance`, these are not, and the reviewer of a
 * pull request must see both, since an inline comment is as much a decision as a ledger entry.
 */
export function inlineAcceptances(result: GateResult): GateInlineAccepted[] {
  return result.inputs.flatMap((input) => (input.report?.acceptance?.accepted ?? []).map(({ entry, issue }) => ({ input: input.path, entry, issue })));
}
