import { z } from 'zod';
import { CompatibilityReportSchema } from '../documents/compatibility-report.js';
import { ConfigSchema } from '../documents/config.js';
import { MigrationPlanSchema } from '../documents/plan.js';
import { RollbackRunbookSchema } from '../documents/runbook.js';
import { MigrationSpecSchema } from '../documents/spec.js';

/** Documents with a published JSON Schema, and whether people write them (input) or tools do (output). */
export const DOCUMENT_SCHEMAS = {
  spec: { schema: MigrationSpecSchema, io: 'input' },
  plan: { schema: MigrationPlanSchema, io: 'output' },
  report: { schema: CompatibilityReportSchema, io: 'output' },
  runbook: { schema: RollbackRunbookSchema, io: 'output' },
  config: { schema: ConfigSchema, io: 'input' },
} as const;

export type DocumentName = keyof typeof DOCUMENT_SCHEMAS;
export const DOCUMENT_NAMES = Object.keys(DOCUMENT_SCHEMAS) as DocumentName[];

/** JSON Schema (draft 2020-12) of a document, for editors and other tools. */
export function documentJsonSchema(name: DocumentName): Record<string, unknown> {
  const { schema, io } = DOCUMENT_SCHEMAS[name];
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}
