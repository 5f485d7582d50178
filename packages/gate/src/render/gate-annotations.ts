import type { ChangeSeverity } from '@migration-architect/core';
import type { GateResult } from '../report/gate-result.js';
import { inlineAcceptances } from '../report/inline-acceptances.js';
import { countsLine, gateVerdict } from './gate-verdicts.js';

const COMMAND: Record<ChangeSeverity, 'error' | 'warning' | 'notice'> = {
  breaking: 'error',
  potentially_breaking: 'warning',
  non_breaking: 'notice',
  additive: 'notice',
};

// Workflow commands need %, CR and LF escaped in messages, and also : and , in properties.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one annotation per finding at its file and line, one per unreadable input, then the verdict. */
export function renderGateAnnotations(result: GateResult): string {
  const lines: string[] = [];
  for (const input of result.inputs) {
    if (input.error) lines.push(`::error file=${escapeProperty(input.path)},title=${escapeProperty('not checked')}::${escapeData(input.error)}`);
    for (const issue of input.report?.issues ?? []) {
      const props = [
        ...(issue.location ? [`file=${escapeProperty(issue.location.file)}`] : [`file=${escapeProperty(input.path)}`]),
        ...(issue.location?.line ? [`line=${issue.location.line}`] : []),
        `title=${escapeProperty(`${issue.code ? `${issue.code} ` : ''}${issue.rule}`)}`,
      ];
      lines.push(`::${COMMAND[issue.severity]} ${props.join(',')}::${escapeData(`${issue.description}. ${issue.suggested_migration}`)}`);
    }
  }
  lines.push(
    `migration-architect gate: ${gateVerdict(result)} (${countsLine(result.counts)}; ${result.acceptance.accepted.length + inlineAcceptances(result).length} accepted; exit ${result.exit_code})`,
  );
  return `${lines.join('\n')}\n`;
}
