export { reconcile, type HashChoice, type ReconcileOptions, type ReconcileResult } from './algorithm/reconcile.js';
export type { StrategyChoice } from './algorithm/reconcile-table.js';
export { parseConnectionTarget, type ConnectionTarget } from './connection/connection-target.js';
export {
  ReconcileReportSchema,
  TableReportSchema,
  ReconcileLevelSchema,
  RECONCILE_LEVELS,
  reconcileExitCode,
  type ReconcileLevel,
  type ReconcileReport,
  type TableReport,
  type TableStrategy,
} from './report/reconcile-report.js';
export { reconcileFormatContributions, reconcileFormats, renderReconcileReport, type ReconcileFormat } from './report/render-report.js';
export { renderReconcileText } from './report/render-text.js';
export { renderReconcileMarkdown } from './report/render-markdown.js';
export { terminalProgress } from './progress/terminal-progress.js';
export { silentProgress, type ProgressSink } from './progress/progress-sink.js';
export { canonicalValue, floatsEqual, type CanonicalColumn, type RawValue } from './normalization/canonical-value.js';
export { encodeFields } from './normalization/field-encoding.js';
export { TUNING } from './algorithm/tuning.js';
