import type { ChangeSeverity } from '@migration-architect/core';
import type { GateInput, GateResult } from '../report/gate-result.js';

export const SEVERITY_LABEL: Record<ChangeSeverity, string> = {
  breaking: 'breaking',
  potentially_breaking: 'potentially breaking',
  non_breaking: 'non-breaking',
  additive: 'additive',
};

const ORDER: ChangeSeverity[] = ['breaking', 'potentially_breaking', 'non_breaking', 'additive'];

/** The worst severity among an input's findings, or null when it has none. */
export function worstSeverity(input: GateInput): ChangeSeverity | null {
  return ORDER.find((severity) => input.report?.issues.some((issue) => issue.severity === severity)) ?? null;
}

/** The gate's verdict in words: what the exit code means. */
export function gateVerdict(result: GateResult): string {
  if (result.exit_code === 65) return 'inputs could not be read';
  if (result.exit_code === 2) return 'breaking changes';
  if (result.exit_code === 1) return 'potentially breaking changes';
  const total = ORDER.reduce((n, s) => n + result.counts[s], 0);
  return total ? 'passed, with findings below the threshold' : 'passed';
}

/** `2 breaking, 1 potentially breaking` (only the non-zero counts), or `no findings`. */
export function countsLine(counts: Record<ChangeSeverity, number>): string {
  const parts = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${SEVERITY_LABEL[s]}`);
  return parts.length ? parts.join(', ') : 'no findings';
}

export function shortCommit(commit: string | null): string {
  return commit ? commit.slice(0, 7) : '-';
}
