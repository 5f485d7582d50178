import type { DatabaseSchema } from '../schema/model.js';
import { catalogFingerprint, fingerprintDifferences } from './catalog-fingerprint.js';
import { differences, load, type ReplayRequest, readScratchSchema, runScript, type SetAside, type Step } from './replay.js';
import { orderScripts } from './script-order.js';

/** One rollback script run on a database that never saw our forward scripts. */
export interface RollbackFromAfterStep {
  index: number;
  description: string;
  rollback: Step;
}

export interface RollbackFromAfter {
  passed: boolean;
  /** Why nothing was run (a side that does not load), when that happened. */
  error?: string;
  steps: RollbackFromAfterStep[];
  /** What still differs from the before schema once every rollback ran. */
  differences: string[];
  /** The schema the rollbacks left, as the live source reads it (absent when a side did not load). */
  schema?: DatabaseSchema;
}

/**
 * Proves that the rollback scripts work from any state, not only after our own forward scripts:
 * the after schema is built directly (as the project's own migration would leave it: no table
 * renamed aside, no `<column>_old`, no backup of a dropped column's values), every rollback
 * script runs on it in reverse dependency order, contract steps first, and the catalog must then
 * read exactly as the before schema's.
 */
export async function rollbackFromAfter(request: Omit<ReplayRequest, 'missingExtensions' | 'notes'>): Promise<RollbackFromAfter> {
  const { report, engine } = request;
  const scripts = report.migration_scripts;
  const steps: RollbackFromAfterStep[] = scripts.map((script, index) => ({ index, description: script.description, rollback: { status: 'skipped' } }));
  const aside: SetAside = { extensions: [], lines: [], names: new Set() };
  const [work, target] = await Promise.all([engine.create(), engine.create()]);
  try {
    const [afterError, beforeError] = await Promise.all([load(work, request.after, aside), load(target, request.before, aside)]);
    if (beforeError || afterError) return { passed: false, error: [beforeError, afterError].filter(Boolean).join('; '), steps, differences: [] };
    const expected = await readScratchSchema(target);
    const expectedCatalog = await catalogFingerprint(target);
    await target.close();

    for (const index of [...orderScripts(scripts).order].reverse()) steps[index]!.rollback = await runScript(work, scripts[index]!.rollback_script);
    const schema = await readScratchSchema(work);
    const left = differences(schema, expected);
    if (left.length === 0) left.push(...fingerprintDifferences(await catalogFingerprint(work), expectedCatalog));
    return { passed: left.length === 0 && steps.every((s) => s.rollback.status === 'passed'), steps, differences: left, schema };
  } finally {
    await work.close();
    await target.close().catch(() => {});
  }
}
