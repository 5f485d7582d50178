import { defineFormatContribution, documentFormats, type FormatContribution, renderJson } from '@migration-architect/core';
import type { ReconcileReport } from './reconcile-report.js';
import { renderReconcileMarkdown } from './render-markdown.js';
import { renderReconcileText } from './render-text.js';

export type ReconcileFormat = 'json' | 'text' | 'markdown';

/** Reconcile's renderers, contributed to core's format registry under the kind `reconcile`. */
export const reconcileFormatContributions: FormatContribution<ReconcileReport>[] = [
  defineFormatContribution('reconcile', 'json', renderJson),
  defineFormatContribution('reconcile', 'text', renderReconcileText),
  defineFormatContribution('reconcile', 'markdown', renderReconcileMarkdown),
];

/** Core's formats with reconcile's report among the kinds: what the CLI lists and accepts for `reconcile`. */
export const reconcileFormats = documentFormats.with(reconcileFormatContributions as FormatContribution<never>[]);

/** The report in a format: JSON (two-space indented, newline-terminated), text or Markdown. */
export function renderReconcileReport(report: ReconcileReport, format: ReconcileFormat): string {
  return reconcileFormats.render('reconcile', format, report);
}
