import type { MigrationArchitectPlugin } from '@migration-architect/core';

/** The shapes a plugin author writes for each contribution (zod input types of core's contract). */
type Item<K extends keyof MigrationArchitectPlugin> = NonNullable<MigrationArchitectPlugin[K]> extends readonly (infer T)[] ? T : never;

export type MigrationTypeInput = Item<'migrationTypes'>;
export type PatternInput = Item<'patterns'>;
export type PhaseTemplateInput = Item<'phases'>;
export type RiskTemplateInput = Item<'risks'>;
export type RollbackTemplateInput = Item<'rollbacks'>;
export type TriggerTemplateInput = Item<'triggers'>;
export type CommunicationInput = Item<'communications'>;

/** The migration type this plugin provides. */
export const DATABASE = 'database';
