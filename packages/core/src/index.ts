export * from './documents/index.js';
export * from './errors/index.js';
export * from './identity/index.js';
export * from './plugin/index.js';
export { assessComplexity, type ComplexityBreakdown } from './planner/complexity.js';
export { createPlan, UnknownMigrationTypeError, type PlanOptions } from './planner/planner.js';
export { parseSpecFields, reviewSpec, type SpecWarning } from './planner/spec-review.js';
export { closestName } from './planner/closest-name.js';
export { groupedNumber } from './numbers/grouped-number.js';
export {
  checkCompatibility,
  compareSchemas,
  exitCodeForReport,
  UnclassifiedChangeError,
  UnknownLintRuleError,
  type CheckOptions,
  type CompatibilityRequest,
} from './compatibility/engine.js';
export { documentPreview } from './compatibility/document-preview.js';
export { verificationOutcome, type VerificationOutcome } from './compatibility/verification-outcome.js';
export { createSchemaInputHandle, readInputFile, type InMemorySchema, type SchemaInputRef } from './inputs/schema-input-handle.js';
export { readDocumentFile } from './inputs/read-document-file.js';
export { readSchemaInput, requireChecker, UnknownCheckerError, type ResolvedSchemaInput } from './inputs/read-schema-input.js';
export * from './secrets/index.js';
export * from './time-zone/index.js';
export * from './drivers/index.js';
export { createRunbook, type RunbookOptions } from './rollback/generator.js';
export { DEFAULT_ESCALATION_MATRIX } from './rollback/runbook-defaults.js';
export { escalationMatrixWith, type EscalationLevelChange, type EscalationListChange } from './rollback/escalation-matrix.js';
export * from './render/index.js';
export { documentJsonSchema, DOCUMENT_NAMES, DOCUMENT_SCHEMAS, type DocumentName } from './json-schema/document-schemas.js';
export { downtimeToleranceOf, recommendPatterns, type PatternRecommendation, type RecommendationQuery } from './planner/pattern-recommendation.js';
export { CORE_FACT_IDS, coreFacts, specFacts } from './planner/spec-facts.js';
export { ruleAnchor, ruleCatalog, type RuleSummary } from './rule-catalog/rule-catalog.js';
export * from './acceptance/index.js';
export {
  migrationSeries,
  parseMigrationPath,
  splitMigrationSections,
  type MigrationEntry,
  type MigrationSeries,
  type ParsedMigrationPath,
} from './migration-layouts/migration-series.js';
export { z } from './zod/index.js';
export { builtSchema, lazySchema } from './zod/lazy-schema.js';
