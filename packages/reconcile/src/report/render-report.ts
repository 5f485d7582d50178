import { renderReconcileMarkdown } from './render-markdown.js';
import { renderReconcileText } from './render-text.js';
import type { ReconcileReport } from './reconcile-report.js';

export type ReconcileFormat = 'json' | 'text' | 'markdown';

/** The report in a format: JSON (two-space indented, newline-terminated), text or Markdown. */
export function renderReconcileReport(report: ReconcileReport, format: ReconcileFormat): string {
  if (format === 'text') return renderReconcileText(report);
  if (format === 'markdown') return renderReconcileMarkdown(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}
