import type * as Reconcile from '../src/index.js';

/**
 * The engine as it ships: SQLite runs in worker threads loaded from dist/sqlite-worker.js, so the
 * engine tests use the built package (`pnpm test` builds first). Types come from the sources, so
 * type-checking does not need a build.
 */
const built = '../dist/index.js';
const engine = (await import(built)) as typeof Reconcile;

export const { reconcile, reconcileExitCode, renderReconcileReport, ReconcileReportSchema } = engine;
export type { ProgressSink, ReconcileReport, TableReport } from '../src/index.js';
