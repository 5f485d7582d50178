export type {
  CommunicationInput,
  MigrationTypeInput,
  PatternInput,
  PhaseTemplateInput,
  RiskTemplateInput,
  RollbackTemplateInput,
  TriggerTemplateInput,
} from '@migration-architect/core';

/** The migration type this plugin provides. */
export const DATABASE = 'database';
