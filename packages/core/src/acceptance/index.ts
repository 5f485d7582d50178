export { AcceptanceEntrySchema, AcceptanceLedgerSchema, type AcceptanceEntry, type AcceptanceLedger } from './acceptance-entry.js';
export {
  acceptsFinding,
  type AcceptanceMatch,
  applyAcceptances,
  withIssues,
  type AcceptanceOutcome,
  type AcceptedFinding,
  type LedgerEntryRef,
} from './apply-acceptances.js';
export {
  acceptFindings,
  ledgerRecord,
  type AcceptanceCandidate,
  type ClassifiedFinding,
  type FindingsAcceptance,
} from './accept-findings.js';
