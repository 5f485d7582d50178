import type { RollbackRunbook } from '../documents/runbook.js';
import { banner, section } from './text-layout.js';

const SCRIPT_PREVIEW_LINES = 3;

export function renderRunbookText(runbook: RollbackRunbook): string {
  const out: string[] = [
    ...banner(`ROLLBACK RUNBOOK: ${runbook.runbook_id}`),
    `Migration ID: ${runbook.migration_id}`,
    `Migration Type: ${runbook.migration_type}`,
    ...(runbook.estimated_total_minutes !== undefined ? [`Estimated Duration: ${runbook.estimated_total_minutes} minutes`] : []),
    `Created: ${runbook.created_at}`,
    '',
    ...section('EMERGENCY CONTACTS'),
  ];
  for (const c of runbook.emergency_contacts) {
    out.push(`${c.role}: ${c.name}`, `  Phone: ${c.primary_phone}`, `  Email: ${c.email}`, `  Backup: ${c.backup_contact}`, '');
  }
  out.push(...section('ESCALATION MATRIX'));
  for (const [level, d] of Object.entries(runbook.escalation_matrix)) {
    out.push(
      `${level.toUpperCase()}:`,
      `  Trigger: ${d.trigger}`,
      `  Response Time: ${d.response_time_minutes} minutes`,
      `  Contacts: ${d.contacts.join(', ')}`,
      `  Actions: ${d.actions.join(', ')}`,
      '',
    );
  }
  out.push(...section('AUTOMATIC ROLLBACK TRIGGERS'));
  for (const t of runbook.trigger_conditions) {
    out.push(
      `• ${t.name}`,
      `  Condition: ${t.condition}`,
      ...(t.action ? [`  Action: ${t.action}`] : []),
      ...(t.source ? [`  Source: ${t.source === 'spec' ? 'the spec' : t.source === 'type' ? 'the migration type' : 'generic (the spec gives none)'}`] : []),
      `  Auto-Execute: ${t.auto_execute ? 'Yes' : 'No'}`,
      `  Evaluation Window: ${t.evaluation_window_minutes} minutes`,
      `  Contacts: ${t.escalation_contacts.join(', ')}`,
      '',
    );
  }
  out.push(...section('ROLLBACK PHASES'));
  runbook.rollback_phases.forEach((phase, i) => {
    out.push(
      `${i + 1}. ${phase.phase_name.toUpperCase()}`,
      `   Description: ${phase.description}`,
      `   Urgency: ${phase.urgency_level.toUpperCase()}`,
      `   Duration: ${phase.estimated_duration_minutes} minutes`,
      `   Risk Level: ${phase.risk_level.toUpperCase()}`,
    );
    if (phase.prerequisites.length) out.push('   Prerequisites:', ...phase.prerequisites.map((p) => `     ✓ ${p}`));
    out.push('   Steps:');
    for (const step of [...phase.steps].sort((a, b) => a.rollback_order - b.rollback_order)) {
      out.push(`     ${step.rollback_order}. ${step.name}`, `        Duration: ${step.estimated_duration_minutes} min`, `        Type: ${step.script_type}`);
      if (step.script_content && step.script_type !== 'manual') {
        const lines = step.script_content.split('\n');
        out.push('        Script:', ...lines.slice(0, SCRIPT_PREVIEW_LINES).map((l) => `          ${l}`));
        if (lines.length > SCRIPT_PREVIEW_LINES) out.push('          ...');
      }
      out.push(`        Success Criteria: ${step.success_criteria.join(', ')}`, '');
    }
    if (phase.validation_checkpoints.length) out.push('   Validation Checkpoints:', ...phase.validation_checkpoints.map((c) => `     ☐ ${c}`));
    out.push('');
  });
  const drp = runbook.data_recovery_plan;
  out.push(
    ...section('DATA RECOVERY PLAN'),
    `Recovery Method: ${drp.recovery_method}`,
    `Backup Location: ${drp.backup_location}`,
    `Estimated Recovery Time: ${drp.estimated_recovery_time_minutes} minutes`,
    ...(drp.scope ? [`Scope: ${drp.scope.join(', ')}`] : []),
    'Recovery Scripts:',
    ...drp.recovery_scripts.map((s) => `  • ${s}`),
    'Validation Queries:',
    ...drp.data_validation_queries.map((q) => `  • ${q}`),
    '',
    ...section('POST-ROLLBACK VALIDATION CHECKLIST'),
    ...runbook.validation_checklist.map((item, i) => `${String(i + 1).padStart(2)}. ☐ ${item}`),
    '',
    ...section('POST-ROLLBACK PROCEDURES'),
    ...runbook.post_rollback_procedures.map((p, i) => `${String(i + 1).padStart(2)}. ${p}`),
    '',
  );
  if (runbook.open_placeholders?.length) {
    out.push(...section('PLACEHOLDERS TO FILL'), ...runbook.open_placeholders.map((p) => `{${p.placeholder}}: ${p.used_in.join(', ')}`), '');
  }
  return `${out.join('\n')}\n`;
}
