import type { CompatibilityReport } from '../documents/compatibility-report.js';
import type { MigrationPlan } from '../documents/plan.js';
import type { RollbackRunbook } from '../documents/runbook.js';
import { renderPlanMarkdown } from './plan-markdown.js';
import { renderPlanText } from './plan-text.js';
import { renderReportMarkdown } from './report-markdown.js';
import { renderReportText } from './report-text.js';
import { renderRunbookMarkdown } from './runbook-markdown.js';
import { renderRunbookText } from './runbook-text.js';

export type RenderFormat = 'json' | 'text' | 'markdown';

export type RenderableDocument =
  | { kind: 'plan'; document: MigrationPlan }
  | { kind: 'report'; document: CompatibilityReport }
  | { kind: 'runbook'; document: RollbackRunbook };

export function renderJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function renderDocument(item: RenderableDocument, format: RenderFormat): string {
  if (format === 'json') return renderJson(item.document);
  switch (item.kind) {
    case 'plan':
      return format === 'text' ? renderPlanText(item.document) : renderPlanMarkdown(item.document);
    case 'report':
      return format === 'text' ? renderReportText(item.document) : renderReportMarkdown(item.document);
    case 'runbook':
      return format === 'text' ? renderRunbookText(item.document) : renderRunbookMarkdown(item.document);
  }
}
