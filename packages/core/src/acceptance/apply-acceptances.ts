import type { CompatibilityIssue, CompatibilityReport, OverallCompatibility } from '../documents/compatibility-report.js';
import type { AcceptanceEntry } from './acceptance-entry.js';

/** An entry and its place in the ledger (0-based), so messages can name it. */
/** What matching reads of an entry. */
export type AcceptanceMatch = Pick<AcceptanceEntry, 'rule' | 'subject' | 'location'>;

export interface LedgerEntryRef {
  index: number;
  entry: AcceptanceEntry;
}

export interface AcceptedFinding extends LedgerEntryRef {
  /** Index of the report (in the list given) the finding was in. */
  report: number;
  issue: CompatibilityIssue;
}

export interface AcceptanceOutcome {
  /** The reports without the accepted findings, counts and overall verdict recomputed. */
  reports: CompatibilityReport[];
  accepted: AcceptedFinding[];
  /** Entries past their `expires` day: they accept nothing and fail the gate. */
  expired: LedgerEntryRef[];
  /** Entries that matched no finding (still valid): reported so the ledger does not rot. */
  unmatched: LedgerEntryRef[];
}

function ruleMatches(entry: AcceptanceMatch, issue: CompatibilityIssue): boolean {
  return entry.rule === issue.rule || (issue.code != null && entry.rule.toUpperCase() === issue.code.toUpperCase());
}

function subjectMatches(entry: AcceptanceMatch, issue: CompatibilityIssue): boolean {
  if (entry.subject === undefined) return true;
  const path = issue.field_path;
  // Dotted paths (tables.users.columns.email) and JSON pointers (/paths/~1pets/get) alike: a prefix ending at a segment.
  return path === entry.subject || ['.', '[', '/'].some((separator) => path.startsWith(`${entry.subject}${separator}`));
}

function locationMatches(entry: AcceptanceMatch, issue: CompatibilityIssue): boolean {
  if (entry.location === undefined) return true;
  if (!issue.location) return false;
  const match = /^(.*?)(?::(\d+))?$/.exec(entry.location)!;
  const file = match[1]!.replace(/^\.\//, '');
  if (issue.location.file.replace(/^\.\//, '') !== file) return false;
  return match[2] === undefined || issue.location.line === Number(match[2]);
}

/** True when the entry accepts this finding (rule, then subject and location when the entry gives them). */
export function acceptsFinding(entry: AcceptanceMatch, issue: CompatibilityIssue): boolean {
  return ruleMatches(entry, issue) && subjectMatches(entry, issue) && locationMatches(entry, issue);
}

function overallOf(report: CompatibilityReport): OverallCompatibility {
  if (report.breaking_changes_count > 0) return 'breaking_changes';
  if (report.potentially_breaking_count > 0) return 'potentially_incompatible';
  if (report.non_breaking_changes_count > 0 || report.additive_changes_count > 0) return 'backward_compatible';
  return 'fully_compatible';
}

/** The report with only `issues` kept: counts and verdict follow. */
export function withIssues(report: CompatibilityReport, issues: CompatibilityIssue[]): CompatibilityReport {
  const count = (severity: CompatibilityIssue['severity']) => issues.filter((i) => i.severity === severity).length;
  const next = {
    ...report,
    issues,
    breaking_changes_count: count('breaking'),
    potentially_breaking_count: count('potentially_breaking'),
    non_breaking_changes_count: count('non_breaking'),
    additive_changes_count: count('additive'),
  };
  return { ...next, overall_compatibility: overallOf(next) };
}

/**
 * Applies the acceptance ledger to reports already classified, whatever checker made them: a
 * finding an unexpired entry matches leaves the report (and is listed with the entry that accepted
 * it); entries past `expires` (compared with `today`, YYYY-MM-DD) accept nothing and are listed as
 * expired; valid entries that matched nothing are listed as unmatched.
 */
export function applyAcceptances(reports: CompatibilityReport[], entries: AcceptanceEntry[], today: string): AcceptanceOutcome {
  const refs = entries.map((entry, index) => ({ index, entry }));
  const expired = refs.filter((ref) => ref.entry.expires < today);
  const valid = refs.filter((ref) => ref.entry.expires >= today);
  const used = new Set<number>();
  const accepted: AcceptedFinding[] = [];
  const kept = reports.map((report, reportIndex) => {
    const issues = report.issues.filter((issue) => {
      const ref = valid.find((candidate) => acceptsFinding(candidate.entry, issue));
      if (!ref) return true;
      used.add(ref.index);
      accepted.push({ ...ref, report: reportIndex, issue });
      return false;
    });
    return issues.length === report.issues.length ? report : withIssues(report, issues);
  });
  return { reports: kept, accepted, expired, unmatched: valid.filter((ref) => !used.has(ref.index)) };
}
