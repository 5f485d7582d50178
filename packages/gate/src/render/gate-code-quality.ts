import { createHash } from 'node:crypto';
import type { ChangeSeverity } from '@migration-architect/core';
import type { GateResult } from '../report/gate-result.js';

const SEVERITY: Record<ChangeSeverity, 'blocker' | 'critical' | 'major' | 'minor' | 'info'> = {
  breaking: 'critical',
  potentially_breaking: 'major',
  non_breaking: 'minor',
  additive: 'info',
};

/**
 * GitLab Code Quality (the CodeClimate subset GitLab reads): one entry per finding with a
 * fingerprint stable across runs (rule, file, object), so merge requests show what is new.
 */
export function renderGateCodeQuality(result: GateResult): string {
  const entries = result.inputs.flatMap((input) => [
    ...(input.error
      ? [
          {
            description: input.error,
            check_name: 'migration-architect/not-checked',
            fingerprint: createHash('sha256').update(`not-checked\0${input.path}`).digest('hex'),
            severity: 'blocker',
            location: { path: input.path, lines: { begin: 1 } },
          },
        ]
      : []),
    ...(input.report?.issues ?? []).map((issue) => ({
      description: `${issue.code ? `${issue.code} ` : ''}${issue.description}`,
      check_name: issue.rule,
      fingerprint: createHash('sha256')
        .update(`${issue.rule}\0${issue.location?.file ?? input.path}\0${issue.field_path}\0${issue.description}`)
        .digest('hex'),
      severity: SEVERITY[issue.severity],
      location: { path: issue.location?.file ?? input.path, lines: { begin: issue.location?.line ?? 1 } },
    })),
  ]);
  return `${JSON.stringify(entries, null, 2)}\n`;
}
