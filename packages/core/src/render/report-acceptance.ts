import type { AcceptanceRecord, CompatibilityReport } from '../documents/compatibility-report.js';
import { section } from './text-layout.js';

/** One entry in words: `DB601 at db/0042.sql:3 (ledger entry #2, accepted by ada, until 2026-06-30): reason`. */
export function describeAcceptance(entry: AcceptanceRecord): string {
  const scope = `${entry.rule}${entry.subject ? ` ${entry.subject}` : ''}${entry.location ? ` at ${entry.location}` : ''}`;
  const who = [entry.written_in, ...(entry.accepted_by ? [`accepted by ${entry.accepted_by}`] : []), ...(entry.expires ? [`until ${entry.expires}`] : [])];
  return `${scope} (${who.join(', ')}): ${entry.reason}`;
}

/**
 * SARIF's suppression kind for an acceptance: `inSource` when it is written in the checked file
 * itself (`db/0042.sql:3`), `external` for the ledger, the config and plugin options.
 */
export function acceptanceSuppressionKind(entry: AcceptanceRecord): 'inSource' | 'external' {
  return /:\d+$/.test(entry.written_in) ? 'inSource' : 'external';
}

/** The report's acceptance section as lines: accepted findings, expired and unmatched entries. */
function acceptanceLines(report: CompatibilityReport, bullet: string, code: (text: string) => string): string[] {
  const acceptance = report.acceptance;
  if (!acceptance) return [];
  return [
    ...acceptance.accepted.map((a) => `${bullet}accepted: ${code(a.issue.rule)} ${a.issue.field_path} — ${describeAcceptance(a.entry)}`),
    ...acceptance.expired.map((e) => `${bullet}EXPIRED on ${e.expires}: ${describeAcceptance(e)}`),
    ...acceptance.unmatched.map((e) => `${bullet}matched nothing: ${describeAcceptance(e)}`),
  ];
}

export function acceptanceText(report: CompatibilityReport): string[] {
  const lines = acceptanceLines(report, '• ', (t) => t);
  return lines.length ? [...section('ACCEPTED FINDINGS'), ...lines, ''] : [];
}

export function acceptanceMarkdown(report: CompatibilityReport): string[] {
  const lines = acceptanceLines(report, '- ', (t) => `\`${t}\``);
  return lines.length ? ['### Accepted findings', '', ...lines, ''] : [];
}
