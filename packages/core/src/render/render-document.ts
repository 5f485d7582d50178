import type { CompatibilityReport } from '../documents/compatibility-report.js';
import type { MigrationPlan } from '../documents/plan.js';
import type { RollbackRunbook } from '../documents/runbook.js';
import { renderHtmlDocument } from './html/html-document.js';
import { renderPlanMarkdown } from './plan-markdown.js';
import { renderPlanText } from './plan-text.js';
import { renderReportMarkdown } from './report-markdown.js';
import { renderReportText } from './report-text.js';
import { renderRunbookMarkdown } from './runbook-markdown.js';
import { renderRunbookText } from './runbook-text.js';

export type RenderFormat = 'json' | 'text' | 'markdown' | 'html';

export interface RenderOptions {
  /** For `html`: Mermaid's browser bundle, inlined so diagrams render offline. */
  mermaidScript?: string | undefined;
}

export type RenderableDocument =
  | { kind: 'plan'; document: MigrationPlan }
  | { kind: 'report'; document: CompatibilityReport }
  | { kind: 'runbook'; document: RollbackRunbook };

export function renderJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

const TITLES = { plan: 'Migration plan', report: 'Compatibility report', runbook: 'Rollback runbook' } as const;

export function renderDocument(item: RenderableDocument, format: RenderFormat, options: RenderOptions = {}): string {
  if (format === 'json') return renderJson(item.document);
  if (format === 'html') {
    const id = item.kind === 'plan' ? item.document.migration_id : item.kind === 'runbook' ? item.document.runbook_id : item.document.schema_type;
    return renderHtmlDocument(renderDocument(item, 'markdown'), { title: `${TITLES[item.kind]} ${id}`, mermaidScript: options.mermaidScript });
  }
  switch (item.kind) {
    case 'plan':
      return format === 'text' ? renderPlanText(item.document) : renderPlanMarkdown(item.document);
    case 'report':
      return format === 'text' ? renderReportText(item.document) : renderReportMarkdown(item.document);
    case 'runbook':
      return format === 'text' ? renderRunbookText(item.document) : renderRunbookMarkdown(item.document);
  }
}
