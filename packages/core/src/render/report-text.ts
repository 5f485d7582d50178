import { verificationOutcome } from '../compatibility/verification-outcome.js';
import { acceptanceText } from './report-acceptance.js';
import type { CompatibilityReport, Verification } from '../documents/compatibility-report.js';
import { CHANGE_SEVERITIES } from '../documents/levels.js';
import { banner, indentBlock, section } from './text-layout.js';

function titleCase(key: string): string {
  return key
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function stepText(label: string, step: Verification['scripts'][number]['migration']): string[] {
  if (step.status === 'passed' || step.status === 'skipped')
    return step.error ? [`   ${label}: ${step.status} (${step.error})`] : [`   ${label}: ${step.status}`];
  if (step.status === 'needs_input') return [`   ${label}: needs input (${(step.placeholders ?? []).join(', ')})`];
  return [`   ${label}: FAILED: ${step.error ?? ''}`, ...(step.statement ? [`     in: ${step.statement.split('\n')[0]}`] : [])];
}

/** `check --verify`: each script's replay, then what still differs. */
function verificationText(verification: Verification): string[] {
  const out = [...section(`VERIFICATION (${verification.engine}): ${verificationOutcome(verification).replace('_', ' ').toUpperCase()}`)];
  if (verification.not_verified?.length) out.push('Not verified:', ...verification.not_verified.map((n) => `  - ${n}`));
  for (const script of verification.scripts) {
    out.push(
      `${script.index + 1}. ${script.description}`,
      ...stepText('Migration', script.migration),
      ...stepText('Validation', script.validation),
      ...stepText('Rollback', script.rollback),
    );
  }
  const list = (title: string, items: string[]) => (items.length ? [`${title}:`, ...items.map((d) => `  - ${d}`)] : [`${title}: none`]);
  out.push(...list('Differences from the after schema after the migration', verification.after_migration.differences));
  out.push(...list('Differences from the before schema after the rollback', verification.after_rollback.differences));
  if (verification.notes.length) out.push('Notes:', ...verification.notes.map((n) => `  - ${n}`));
  out.push('');
  return out;
}

export function renderReportText(report: CompatibilityReport): string {
  const out: string[] = [
    ...banner('COMPATIBILITY ANALYSIS REPORT'),
    `Schema Type: ${report.schema_type}`,
    `Analysis Date: ${report.analysis_date}`,
    `Overall Compatibility: ${report.overall_compatibility.toUpperCase()}`,
    '',
    ...section('SUMMARY'),
    `Breaking Changes: ${report.breaking_changes_count}`,
    `Potentially Breaking: ${report.potentially_breaking_count}`,
    `Non-Breaking Changes: ${report.non_breaking_changes_count}`,
    `Additive Changes: ${report.additive_changes_count}`,
    `Total Changes Found: ${report.issues.length}`,
    '',
    ...section('RISK ASSESSMENT'),
  ];
  for (const [key, value] of Object.entries(report.risk_assessment)) {
    out.push(`${titleCase(key)}: ${Array.isArray(value) ? value.join(', ') : value}`);
  }
  out.push('');
  for (const severity of CHANGE_SEVERITIES) {
    const issues = report.issues.filter((i) => i.severity === severity);
    if (!issues.length) continue;
    out.push(...section(`${severity.toUpperCase().replace('_', ' ')} CHANGES`));
    for (const issue of issues) {
      out.push(
        `• ${issue.description}`,
        `  Rule: ${issue.rule} (${issue.type})`,
        `  Field: ${issue.field_path}`,
        `  Impact: ${issue.impact}`,
        `  Migration: ${issue.suggested_migration}`,
      );
      if (issue.affected_operations.length) out.push(`  Affected Operations: ${issue.affected_operations.join(', ')}`);
      if (issue.location?.line) out.push(`  Location: ${issue.location.file}:${issue.location.line}`);
      if (issue.lock_risk) out.push(`  Lock: ${issue.lock_risk.arithmetic}`);
      if (issue.migration_script_index != null) out.push(`  Script: #${issue.migration_script_index + 1} below (with its rollback)`);
      if (issue.contract_script_index != null) out.push(`  Contract step, for a later release: #${issue.contract_script_index + 1} below`);
      out.push('');
    }
  }
  if (report.migration_scripts.length) {
    out.push(...section('SUGGESTED MIGRATION SCRIPTS'));
    report.migration_scripts.forEach((script, i) => {
      out.push(`${i + 1}. ${script.description}`, `   Type: ${script.script_type}`);
      if (script.release === 'later') out.push('   Release: LATER (contract step: run once no deployed client uses what it removes)');
      if (script.dependencies.length) out.push(`   Runs after: ${script.dependencies.join('; ')}`);
      out.push('   Script:', ...indentBlock(script.script_content, '     '), '   Rollback:', ...indentBlock(script.rollback_script, '     '));
      if (script.validation_query.trim()) out.push('   Validation:', ...indentBlock(script.validation_query, '     '));
      out.push('');
    });
  }
  out.push(...acceptanceText(report));
  if (report.verification) out.push(...verificationText(report.verification));
  out.push(...section('RECOMMENDATIONS'), ...report.recommendations.map((r, i) => `${i + 1}. ${r}`), '');
  return `${out.join('\n')}\n`;
}
