export * from './documents/index.js';
export * from './errors/index.js';
export * from './identity/index.js';
export * from './plugin/index.js';
export { assessComplexity, type ComplexityBreakdown } from './planner/complexity.js';
export { createPlan, UnknownMigrationTypeError, type PlanOptions } from './planner/planner.js';
export {
  checkCompatibility,
  exitCodeForReport,
  selectChecker,
  UnclassifiedChangeError,
  type CheckOptions,
  type SchemaInput,
} from './compatibility/engine.js';
export { createRunbook, type RunbookOptions } from './rollback/generator.js';
export * from './render/index.js';
export { documentJsonSchema, DOCUMENT_NAMES, DOCUMENT_SCHEMAS, type DocumentName } from './json-schema/document-schemas.js';
export { downtimeToleranceOf, recommendPatterns, type PatternRecommendation, type RecommendationQuery } from './planner/pattern-recommendation.js';
export { ruleCatalog, type RuleSummary } from './rule-catalog/rule-catalog.js';
