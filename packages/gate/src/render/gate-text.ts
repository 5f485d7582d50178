import { describeAcceptance } from '@migration-architect/core';
import type { GatePlan, GateResult } from '../report/gate-result.js';
import { inlineAcceptances } from '../report/inline-acceptances.js';
import { countsLine, gateVerdict, SEVERITY_LABEL, shortCommit } from './gate-verdicts.js';

/** The terminal summary: one block per input with its findings, then the verdict. */
export function renderGateText(result: GateResult): string {
  const lines = [
    `base ${result.base.ref} (${shortCommit(result.base.commit)}, ${result.base.from}) -> ${result.head.ref} (${shortCommit(result.head.commit)})`,
    '',
  ];
  for (const input of result.inputs) {
    lines.push(`${input.path}  [${input.kind}, ${input.checker}]  ${input.why}`);
    if (input.error) lines.push(`  not checked: ${input.error}`);
    if (input.round_trip) lines.push(`  round trip: ${input.round_trip.status}${input.round_trip.down ? ` (down: ${input.round_trip.down})` : ''}`);
    for (const issue of input.report?.issues ?? [])
      lines.push(
        `  ${SEVERITY_LABEL[issue.severity]}: ${issue.code ?? issue.rule}${issue.location?.line ? ` line ${issue.location.line}` : ''}: ${issue.description}`,
      );
  }
  for (const a of result.acceptance.accepted)
    lines.push(
      `accepted (#${a.entry_number}, ${a.entry.accepted_by}, until ${a.entry.expires}): ${a.issue.code ?? a.issue.rule} in ${a.input}: ${a.entry.reason}`,
    );
  for (const a of inlineAcceptances(result)) lines.push(`accepted inline: ${a.issue.code ?? a.issue.rule} in ${a.input}: ${describeAcceptance(a.entry)}`);
  for (const u of result.acceptance.unmatched) lines.push(`ledger entry #${u.entry_number} (${u.entry.rule}) matched nothing`);
  lines.push('', `gate: ${gateVerdict(result)}: ${countsLine(result.counts)} (exit ${result.exit_code})`);
  return `${lines.join('\n')}\n`;
}

/** `--dry-run`: each input the gate would check and why, then what it leaves out and why. */
export function renderGatePlanText(plan: GatePlan): string {
  const lines = [`base ${plan.base.ref} (${shortCommit(plan.base.commit)}, ${plan.base.from}) -> ${plan.head.ref} (${shortCommit(plan.head.commit)})`, ''];
  lines.push(plan.inputs.length ? 'would check:' : 'would check nothing');
  for (const input of plan.inputs) lines.push(`  ${input.path}  [${input.change} ${input.kind}, ${input.checker}]  ${input.why}`);
  if (plan.skipped.length) lines.push('', 'would not check:');
  for (const skipped of plan.skipped) lines.push(`  ${skipped.path}  ${skipped.why}`);
  return `${lines.join('\n')}\n`;
}
