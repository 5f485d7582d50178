import type { RollbackRunbook } from '../documents/runbook.js';
import { codeBlock, table } from './markdown-layout.js';

export function renderRunbookMarkdown(runbook: RollbackRunbook): string {
  const out: string[] = [
    `# Rollback runbook \`${runbook.runbook_id}\``,
    '',
    `Migration \`${runbook.migration_id}\` (${runbook.migration_type}), created ${runbook.created_at}.`,
    '',
    '## When to roll back',
    '',
    ...table(['Trigger', 'Condition', 'Window (min)', 'Automatic', 'Contacts'], runbook.trigger_conditions.map((t) => [t.name, t.condition, t.evaluation_window_minutes, t.auto_execute ? 'yes' : 'no', t.escalation_contacts.join(', ')])),
    '',
    '## Phases (in order)',
    '',
  ];
  runbook.rollback_phases.forEach((phase, i) => {
    out.push(`### ${i + 1}. ${phase.phase_name} — ${phase.urgency_level} urgency, ~${phase.estimated_duration_minutes} min`, '', phase.description, '', '**Before you start**', '', ...phase.prerequisites.map((p) => `- [ ] ${p}`), '');
    for (const step of [...phase.steps].sort((a, b) => a.rollback_order - b.rollback_order)) {
      out.push(`${step.rollback_order}. **${step.name}** (${step.script_type}, ~${step.estimated_duration_minutes} min): ${step.description}`);
      if (step.script_type !== 'manual') out.push('', ...codeBlock(step.script_content, step.script_type === 'sql' ? 'sql' : 'bash').map((l) => `   ${l}`));
      out.push(`   - Success: ${step.success_criteria.join('; ')}`, `   - If it fails: ${step.failure_escalation}`);
    }
    out.push('', '**Checkpoints**', '', ...phase.validation_checkpoints.map((c) => `- [ ] ${c}`), '');
  });
  const drp = runbook.data_recovery_plan;
  out.push('## Data recovery', '', `Method: ${drp.recovery_method}; backups at \`${drp.backup_location}\`; about ${drp.estimated_recovery_time_minutes} minutes.`, '', ...codeBlock(drp.recovery_scripts.join('\n')), '', 'Validate with:', '', ...codeBlock(drp.data_validation_queries.join('\n')), '');
  out.push('## Escalation', '', ...table(['Level', 'Trigger', 'Response (min)', 'Contacts', 'Actions'], Object.entries(runbook.escalation_matrix).map(([level, d]) => [level, d.trigger, d.response_time_minutes, d.contacts.join(', '), d.actions.join('; ')])), '');
  out.push('## Contacts', '', ...table(['Role', 'Name', 'Phone', 'Email', 'Backup'], runbook.emergency_contacts.map((c) => [c.role, c.name, c.primary_phone, c.email, c.backup_contact])), '');
  out.push('## After the rollback', '', ...runbook.validation_checklist.map((c) => `- [ ] ${c}`), '', ...runbook.post_rollback_procedures.map((p, i) => `${i + 1}. ${p}`), '');
  out.push('## Messages', '');
  for (const m of runbook.communication_templates) {
    out.push(`### ${m.template_type} → ${m.audience} (${m.urgency}; ${m.delivery_methods.join(', ')})`, '', `**Subject:** ${m.subject}`, '', ...codeBlock(m.body.trimEnd(), 'text'), '');
  }
  return out.join('\n');
}
