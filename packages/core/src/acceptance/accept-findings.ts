import type { AcceptanceRecord, AcceptanceSection, CompatibilityIssue } from '../documents/compatibility-report.js';
import type { SchemaChange } from '../plugin/contract-types.js';
import type { AcceptanceEntry } from './acceptance-entry.js';
import { acceptsFinding, type AcceptanceMatch } from './apply-acceptances.js';

/** A classified finding and the change (or lint) it was classified from. */
export interface ClassifiedFinding {
  issue: CompatibilityIssue;
  change: SchemaChange<any, any>;
}

/**
 * One acceptance, whichever way it was written (a ledger entry, an inline comment, a plugin's
 * compatibility option): the same matching for all, so a report says the same about each.
 */
export interface AcceptanceCandidate {
  /** What the report shows about it. */
  record: AcceptanceRecord;
  /** The entry matching is done with (rule, subject, location). */
  entry: AcceptanceMatch;
  /** A further narrowing the plugin gives (its compatibility option's own fields). */
  accepts?: ((finding: ClassifiedFinding) => boolean) | undefined;
}

/** The report's record of a ledger entry. */
export function ledgerRecord(entry: AcceptanceEntry, writtenIn: string): AcceptanceRecord {
  return {
    rule: entry.rule,
    ...(entry.subject !== undefined ? { subject: entry.subject } : {}),
    ...(entry.location !== undefined ? { location: entry.location } : {}),
    reason: entry.reason,
    expires: entry.expires,
    accepted_by: entry.accepted_by,
    written_in: writtenIn,
  };
}

export interface FindingsAcceptance {
  kept: ClassifiedFinding[];
  section: AcceptanceSection;
  /** Candidates (by index) that accepted nothing, for their plugin's own report of it. */
  unmatched: number[];
}

/**
 * Takes out of `findings` those an acceptance covers. Expired candidates (`expires` before
 * `today`, YYYY-MM-DD) accept nothing and are listed as expired; the others that matched nothing
 * are listed as unmatched. The first candidate that matches a finding is the one reported.
 */
export function acceptFindings(findings: ClassifiedFinding[], candidates: AcceptanceCandidate[], today: string): FindingsAcceptance {
  const isExpired = (candidate: AcceptanceCandidate) => candidate.record.expires !== undefined && candidate.record.expires < today;
  const used = new Set<number>();
  const accepted: AcceptanceSection['accepted'] = [];
  const kept = findings.filter((finding) => {
    const index = candidates.findIndex(
      (candidate) => !isExpired(candidate) && acceptsFinding(candidate.entry, finding.issue) && (!candidate.accepts || candidate.accepts(finding)),
    );
    if (index < 0) return true;
    used.add(index);
    accepted.push({ entry: candidates[index]!.record, issue: finding.issue });
    return false;
  });
  const unmatched = candidates.flatMap((candidate, index) => (!isExpired(candidate) && !used.has(index) ? [index] : []));
  return {
    kept,
    unmatched,
    section: {
      accepted,
      expired: candidates.filter(isExpired).map((c) => c.record),
      unmatched: unmatched.map((index) => candidates[index]!.record),
    },
  };
}
