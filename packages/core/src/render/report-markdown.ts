import { verificationOutcome } from '../compatibility/verification-outcome.js';
import { acceptanceMarkdown } from './report-acceptance.js';
import type { CompatibilityReport, Verification } from '../documents/compatibility-report.js';
import { CHANGE_SEVERITIES } from '../documents/levels.js';
import { codeBlock, table } from './markdown-layout.js';

const BADGE: Record<string, string> = {
  breaking_changes: '🔴 Breaking changes',
  potentially_incompatible: '🟠 Potentially incompatible',
  backward_compatible: '🟢 Backward compatible',
  fully_compatible: '🟢 Fully compatible',
};

function stepCell(step: Verification['scripts'][number]['migration']): string {
  if (step.status === 'failed') return `❌ ${(step.error ?? '').replace(/\|/g, '\\|')}`;
  if (step.status === 'needs_input') return `✋ needs ${(step.placeholders ?? []).join(', ')}`;
  return step.status === 'passed' ? '✅' : '–';
}

/** `check --verify`: a table of scripts, then what still differs. */
function verificationMarkdown(verification: Verification): string[] {
  const outcome = verificationOutcome(verification);
  const verdict = outcome === 'passed' ? '✅ passed' : outcome === 'not_verified' ? '⚠️ not verified' : '❌ failed';
  const out = [`### Verification on ${verification.engine}: ${verdict}`, ''];
  if (verification.not_verified?.length) out.push('Not verified:', '', ...verification.not_verified.map((n) => `- ${n}`), '');
  if (verification.scripts.length) {
    out.push(
      ...table(
        ['#', 'Script', 'Migration', 'Validation', 'Rollback'],
        verification.scripts.map((s) => [s.index + 1, s.description, stepCell(s.migration), stepCell(s.validation), stepCell(s.rollback)]),
      ),
      '',
    );
  }
  const list = (title: string, items: string[]) => (items.length ? [`${title}:`, '', ...items.map((d) => `- \`${d}\``), ''] : []);
  out.push(...list('Still different from the after schema', verification.after_migration.differences));
  out.push(...list('Still different from the before schema after rollback', verification.after_rollback.differences));
  out.push(...verification.notes.map((n) => `> ${n}`), '');
  return out;
}

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
    out.push(
      ...table(
        ['Change', 'Rule', 'Where', 'Suggested migration'],
        issues.map((i) => [
          i.lock_risk ? `${i.description} (lock: ${i.lock_risk.arithmetic})` : i.description,
          `\`${i.rule}\``,
          `\`${i.field_path}\``,
          i.suggested_migration,
        ]),
      ),
      '',
    );
  }
  if (report.migration_scripts.length) {
    out.push('<details><summary>Suggested migration scripts</summary>', '');
    for (const script of report.migration_scripts) {
      out.push(`**${script.description}**`, '');
      if (script.release === 'later') out.push('_Contract step: run in a later release, once no deployed client uses what it removes._', '');
      if (script.dependencies.length) out.push(`Runs after: ${script.dependencies.map((d) => `_${d}_`).join(', ')}`, '');
      out.push(...codeBlock(script.script_content, script.script_type), '', 'Rollback:', '', ...codeBlock(script.rollback_script, script.script_type), '');
      if (script.validation_query.trim()) out.push('Validation:', '', ...codeBlock(script.validation_query, script.script_type), '');
    }
    out.push('</details>', '');
  }
  out.push(...acceptanceMarkdown(report));
  if (report.verification) out.push(...verificationMarkdown(report.verification));
  out.push('### Recommendations', '', ...report.recommendations.map((r) => `- ${r}`), '');
  return out.join('\n');
}
