import type { Verification } from '../documents/compatibility-report.js';

export type VerificationOutcome = 'passed' | 'failed' | 'not_verified';

/**
 * `passed`; `failed` when a script, validation or rollback failed or needed input, or a difference
 * remains; `not_verified` when nothing failed but the engine set something aside (`not_verified`),
 * so passing cannot be claimed and failing would be a lie.
 */
export function verificationOutcome(verification: Verification): VerificationOutcome {
  if (verification.passed) return 'passed';
  const bad = (s: { status: string }) => s.status === 'failed' || s.status === 'needs_input';
  const failed =
    verification.scripts.some((s) => bad(s.migration) || bad(s.validation) || bad(s.rollback)) ||
    verification.after_migration.differences.length > 0 ||
    verification.after_rollback.differences.length > 0;
  return !failed && (verification.not_verified?.length ?? 0) > 0 ? 'not_verified' : 'failed';
}
