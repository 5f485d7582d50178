import type { EscalationMatrix } from '../documents/runbook.js';
import { DEFAULT_ESCALATION_MATRIX } from './runbook-defaults.js';

/** Entries added to one of a level's lists: at the start, at the end, or right after a named entry. */
export interface EscalationListChange {
  first?: readonly string[] | undefined;
  /** Entry of the base list → entries that follow it. */
  after?: Readonly<Record<string, readonly string[]>> | undefined;
  last?: readonly string[] | undefined;
}

/** What a migration type changes in one level of core's matrix; what it leaves out stays core's. */
export interface EscalationLevelChange {
  trigger?: string | undefined;
  response_time_minutes?: number | undefined;
  contacts?: EscalationListChange | undefined;
  actions?: EscalationListChange | undefined;
}

function changeList(base: readonly string[], change: EscalationListChange | undefined, where: string): string[] {
  if (!change) return [...base];
  for (const anchor of Object.keys(change.after ?? {}))
    if (!base.includes(anchor)) throw new Error(`${where}: "${anchor}" is not in core's list (${base.join('; ')})`);
  return [...(change.first ?? []), ...base.flatMap((entry) => [entry, ...(change.after?.[entry] ?? [])]), ...(change.last ?? [])];
}

/**
 * Core's escalation matrix with a migration type's differences: core owns the matrix, a plugin
 * contributes only what its failures need (the database plugin brings in the DBA team). Naming a
 * level or an entry core does not have is an error, so a change in core cannot silently drop them.
 */
export function escalationMatrixWith(
  changes: Readonly<Record<string, EscalationLevelChange>>,
  base: EscalationMatrix = DEFAULT_ESCALATION_MATRIX,
): EscalationMatrix {
  for (const level of Object.keys(changes))
    if (!(level in base)) throw new Error(`escalation level "${level}" is not in core's matrix (${Object.keys(base).join(', ')})`);
  const matrix: EscalationMatrix = {};
  for (const [level, entry] of Object.entries(base)) {
    const change = changes[level];
    const changed: EscalationMatrix[string] = {
      ...entry,
      trigger: change?.trigger ?? entry.trigger,
      response_time_minutes: change?.response_time_minutes ?? entry.response_time_minutes,
      contacts: changeList(entry.contacts, change?.contacts, `${level}.contacts`),
      actions: changeList(entry.actions, change?.actions, `${level}.actions`),
    };
    matrix[level] = changed;
  }
  return matrix;
}
