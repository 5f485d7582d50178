export { AcceptanceEntrySchema, AcceptanceLedgerSchema, type AcceptanceEntry, type AcceptanceLedger } from './acceptance-entry.js';
export {
  acceptsFinding,
  applyAcceptances,
  withIssues,
  type AcceptanceOutcome,
  type AcceptedFinding,
  type LedgerEntryRef,
} from './apply-acceptances.js';
