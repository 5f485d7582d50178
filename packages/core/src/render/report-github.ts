import type { CompatibilityReport } from '../documents/compatibility-report.js';
import type { ChangeSeverity } from '../documents/levels.js';

const COMMAND: Record<ChangeSeverity, 'error' | 'warning' | 'notice'> = {
  breaking: 'error',
  potentially_breaking: 'warning',
  non_breaking: 'notice',
  additive: 'notice',
};

// Workflow commands need %, CR and LF escaped in messages, and also : and , in properties.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,title=…::` line per change. */
export function renderReportGithub(report: CompatibilityReport): string {
  const lines = report.issues.map((issue) => {
    const props = [
      ...(issue.location ? [`file=${escapeProperty(issue.location.file)}`] : []),
      ...(issue.location?.line ? [`line=${issue.location.line}`] : []),
      `title=${escapeProperty(`${issue.code ? `${issue.code} ` : ''}${issue.rule}`)}`,
    ];
    return `::${COMMAND[issue.severity]} ${props.join(',')}::${escapeData(`${issue.description}. ${issue.suggested_migration}`)}`;
  });
  const summary = `migration-architect: ${report.overall_compatibility} (${report.breaking_changes_count} breaking, ${report.potentially_breaking_count} potentially breaking, ${report.non_breaking_changes_count} non-breaking, ${report.additive_changes_count} additive)`;
  return `${[...lines, summary].join('\n')}\n`;
}
