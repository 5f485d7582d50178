import type { CompatibilityReport } from '../documents/compatibility-report.js';
import { CHANGE_SEVERITIES } from '../documents/levels.js';
import { codeBlock, table } from './markdown-layout.js';

const BADGE: Record<string, string> = {
  breaking_changes: '🔴 Breaking changes',
  potentially_incompatible: '🟠 Potentially incompatible',
  backward_compatible: '🟢 Backward compatible',
  fully_compatible: '🟢 Fully compatible',
};

/** A pull-request summary: verdict first, then the changes worth a reviewer's time, scripts folded. */
export function renderReportMarkdown(report: CompatibilityReport): string {
  const out: string[] = [
    `## Schema compatibility (${report.schema_type}): ${BADGE[report.overall_compatibility] ?? report.overall_compatibility}`,
    '',
    ...table(
      ['Breaking', 'Potentially breaking', 'Non-breaking', 'Additive'],
      [[report.breaking_changes_count, report.potentially_breaking_count, report.non_breaking_changes_count, report.additive_changes_count]],
    ),
    '',
  ];
  for (const severity of CHANGE_SEVERITIES) {
    const issues = report.issues.filter((i) => i.severity === severity);
    if (!issues.length) continue;
    out.push(`### ${severity.replace('_', ' ')} (${issues.length})`, '');
    out.push(...table(['Change', 'Rule', 'Where', 'Suggested migration'], issues.map((i) => [i.description, `\`${i.rule}\``, `\`${i.field_path}\``, i.suggested_migration])), '');
  }
  if (report.migration_scripts.length) {
    out.push('<details><summary>Suggested migration scripts</summary>', '');
    for (const script of report.migration_scripts) {
      out.push(`**${script.description}**`, '', ...codeBlock(script.script_content, script.script_type), '', 'Rollback:', '', ...codeBlock(script.rollback_script, script.script_type), '');
    }
    out.push('</details>', '');
  }
  out.push('### Recommendations', '', ...report.recommendations.map((r) => `- ${r}`), '');
  return out.join('\n');
}
