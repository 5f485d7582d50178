import type { CompatibilityReport } from '../documents/compatibility-report.js';
import type { MigrationPlan } from '../documents/plan.js';
import type { RollbackRunbook } from '../documents/runbook.js';
import { documentFormats } from './formats/document-formats.js';
import type { RenderOptions } from './formats/report-format.js';

export { renderJson } from './formats/document-formats.js';
export type { RenderOptions } from './formats/report-format.js';

export type RenderFormat = 'json' | 'text' | 'markdown' | 'html';

export type RenderableDocument =
  | { kind: 'plan'; document: MigrationPlan }
  | { kind: 'report'; document: CompatibilityReport }
  | { kind: 'runbook'; document: RollbackRunbook };

/** A core document in a format, through the format registry (`documentFormats`). */
export function renderDocument(item: RenderableDocument, format: RenderFormat, options: RenderOptions = {}): string {
  return documentFormats.render(item.kind, format, item.document, options);
}
