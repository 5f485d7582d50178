import type { RollbackRunbook } from '../documents/runbook.js';
import { codeBlock, table } from './markdown-layout.js';
import { taskName } from './mermaid/mermaid-text.js';

const SOURCE: Record<string, string> = { spec: 'spec', type: 'migration type', generic: 'generic' };

/** The rollback phases one after another, in elapsed time from the decision to roll back. */
function rollbackTimeline(runbook: RollbackRunbook): string[] {
  const lines = [
    'gantt',
    '    title Rollback, elapsed time from the decision',
    '    dateFormat YYYY-MM-DD HH:mm',
    '    axisFormat %H:%M',
    '    section Rollback',
  ];
  let at = Date.UTC(2000, 0, 1);
  runbook.rollback_phases.forEach((phase, i) => {
    const end = at + Math.max(1, Math.ceil(phase.estimated_duration_minutes)) * 60_000;
    const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
    lines.push(
      `    ${taskName(phase.phase_name)} (${phase.estimated_duration_minutes} min) :${phase.urgency_level === 'emergency' || phase.urgency_level === 'high' ? 'crit, ' : ''}r${i}, ${stamp(at)}, ${stamp(end)}`,
    );
    at = end;
  });
  return lines;
}

export function renderRunbookMarkdown(runbook: RollbackRunbook): string {
  const out: string[] = [
    `# Rollback runbook \`${runbook.runbook_id}\``,
    '',
    `Migration \`${runbook.migration_id}\` (${runbook.migration_type}), created ${runbook.created_at}${runbook.estimated_total_minutes !== undefined ? `; about ${runbook.estimated_total_minutes} minutes end to end` : ''}.`,
    '',
    '## When to roll back',
    '',
    ...table(
      ['Trigger', 'Condition', 'Window (min)', 'Action', 'Automatic', 'From', 'Contacts'],
      runbook.trigger_conditions.map((t) => [
        t.name,
        t.condition,
        t.evaluation_window_minutes,
        t.action ?? '',
        t.auto_execute ? 'yes' : 'no',
        SOURCE[t.source ?? ''] ?? '',
        t.escalation_contacts.join(', '),
      ]),
    ),
    '',
    '## Phases (in order)',
    '',
    ...codeBlock(rollbackTimeline(runbook).join('\n'), 'mermaid'),
    '',
  ];
  runbook.rollback_phases.forEach((phase, i) => {
    out.push(
      `### ${i + 1}. ${phase.phase_name} — ${phase.urgency_level} urgency, ~${phase.estimated_duration_minutes} min`,
      '',
      phase.description,
      '',
      '**Before you start**',
      '',
      ...phase.prerequisites.map((p) => `- [ ] ${p}`),
      '',
    );
    for (const step of [...phase.steps].sort((a, b) => a.rollback_order - b.rollback_order)) {
      out.push(
        `${step.rollback_order}. **${step.name}** (${step.script_type}, ~${step.estimated_duration_minutes} min${step.undoes ? `, undoes plan step \`${step.undoes}\`` : ''}): ${step.description}`,
      );
      if (step.script_type !== 'manual') out.push('', ...codeBlock(step.script_content, step.script_type === 'sql' ? 'sql' : 'bash').map((l) => `   ${l}`));
      out.push(`   - Success: ${step.success_criteria.join('; ')}`, `   - If it fails: ${step.failure_escalation}`);
    }
    out.push('', '**Checkpoints**', '', ...phase.validation_checkpoints.map((c) => `- [ ] ${c}`), '');
  });
  const drp = runbook.data_recovery_plan;
  out.push(
    '## Data recovery',
    '',
    `Method: ${drp.recovery_method}${drp.scope ? ` of ${drp.scope.join(', ')}` : ''}; backups at \`${drp.backup_location}\`; about ${drp.estimated_recovery_time_minutes} minutes.`,
    '',
    ...codeBlock(drp.recovery_scripts.join('\n'), 'bash'),
    '',
    'Validate with:',
    '',
    ...codeBlock(drp.data_validation_queries.join('\n'), 'sql'),
    '',
  );
  out.push(
    '## Escalation',
    '',
    ...table(
      ['Level', 'Trigger', 'Response (min)', 'Contacts', 'Actions'],
      Object.entries(runbook.escalation_matrix).map(([level, d]) => [level, d.trigger, d.response_time_minutes, d.contacts.join(', '), d.actions.join('; ')]),
    ),
    '',
  );
  out.push(
    '## Contacts',
    '',
    ...table(
      ['Role', 'Name', 'Phone', 'Email', 'Backup'],
      runbook.emergency_contacts.map((c) => [c.role, c.name, c.primary_phone, c.email, c.backup_contact]),
    ),
    '',
  );
  out.push(
    '## After the rollback',
    '',
    ...runbook.validation_checklist.map((c) => `- [ ] ${c}`),
    '',
    ...runbook.post_rollback_procedures.map((p, i) => `${i + 1}. ${p}`),
    '',
  );
  out.push('## Messages', '');
  for (const m of runbook.communication_templates) {
    out.push(
      `### ${m.template_type} → ${m.audience} (${m.urgency}; ${m.delivery_methods.join(', ')})`,
      '',
      `**Subject:** ${m.subject}`,
      '',
      ...codeBlock(m.body.trimEnd(), 'text'),
      '',
    );
  }
  if (runbook.open_placeholders?.length) {
    out.push(
      '## Placeholders to fill',
      '',
      'No input gave these values; fill them before sending a message or running a script.',
      '',
      ...table(
        ['Placeholder', 'Used in'],
        runbook.open_placeholders.map((p) => [`\`{${p.placeholder}}\``, p.used_in.join(', ')]),
      ),
      '',
    );
  }
  return out.join('\n');
}
