import { z } from 'zod';
import { builtSchema, lazySchema } from '../zod/lazy-schema.js';
import type { PlanStep, PlanWarning } from '../documents/plan.js';
import type { MigrationSpec } from '../documents/spec.js';
import { PluginError } from '../errors/errors.js';
import type { MigrationTypeDefinition, PlanAssumption, PlanStepContext, PlanStepInput, PlanWork } from '../plugin/contract-types.js';
import { runPluginCode } from '../plugin/plugin-code.js';
import type { Owned } from '../plugin/registry.js';
import type { PhaseSource } from './phase-sources.js';

const ScriptType = lazySchema(() => z.enum(['sql', 'bash', 'api', 'manual']));
const Minutes = lazySchema(() => z.number().finite().nonnegative());

/**
 * What a type's planWork may return; checked because it is plugin code run on user input. Typed
 * as the contract's `PlanWork` both ways, so the compiler keeps the schema and the type in step.
 */
const PlanWorkSchema: z.ZodType<PlanWork, PlanWork> = lazySchema(() =>
  z.object({
    steps: z.array(
      z.object({
        key: z.string().min(1),
        phases: z.array(z.string().min(1)).min(1),
        name: z.string().min(1),
        description: z.string(),
        subject: z.object({ kind: z.string().min(1), name: z.string().min(1), detail: z.string().optional() }).optional(),
        minutes: builtSchema(Minutes),
        estimate: z.string().optional(),
        downtime: z.boolean().optional(),
        disruptive: z.boolean().optional(),
        scriptType: ScriptType.optional(),
        script: z.string().optional(),
        validation: z.string().optional(),
        rollback: z
          .object({
            name: z.string().min(1),
            description: z.string(),
            scriptType: builtSchema(ScriptType),
            script: z.string().optional(),
            minutes: builtSchema(Minutes),
          })
          .optional(),
      }),
    ),
    assumptions: z.array(z.object({ name: z.string(), value: z.number(), unit: z.string(), source: z.string(), description: z.string() })).optional(),
    warnings: z.array(z.object({ code: z.string(), message: z.string(), path: z.string().optional() })).optional(),
  }),
);

export interface CollectedWork {
  steps: PlanStepInput[];
  assumptions: PlanAssumption[];
  warnings: PlanWarning[];
}

/** The type's work for this spec (none when the type contributes no planWork). */
export function typeWork(type: Owned<MigrationTypeDefinition>, spec: MigrationSpec, context: PlanStepContext): CollectedWork {
  if (!type.planWork) return { steps: [], assumptions: [], warnings: [] };
  const raw = runPluginCode(type.plugin, `migration type ${type.id}: planWork()`, () => type.planWork!(spec, context));
  const parsed = PlanWorkSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PluginError(
      `plugin "${type.plugin}": migration type ${type.id}: planWork() returned an invalid result at ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  const seen = new Set<string>();
  for (const step of parsed.data.steps) {
    if (seen.has(step.key)) throw new PluginError(`plugin "${type.plugin}": migration type ${type.id}: planWork() returned step key "${step.key}" twice`);
    seen.add(step.key);
  }
  return {
    steps: parsed.data.steps as PlanStepInput[],
    assumptions: parsed.data.assumptions ?? [],
    warnings: (parsed.data.warnings ?? []).map((w) => ({ code: w.code, message: w.message, path: w.path ?? null })),
  };
}

export function toPlanStep(step: PlanStepInput): PlanStep {
  return {
    id: step.key,
    name: step.name,
    description: step.description,
    subject: step.subject ? { kind: step.subject.kind, name: step.subject.name } : null,
    duration_minutes: Math.round(step.minutes * 100) / 100,
    estimate: step.estimate ?? null,
    downtime: step.downtime ?? false,
    disruptive: step.disruptive ?? false,
    script_type: step.scriptType ?? 'manual',
    script: step.script ?? null,
    validation: step.validation ?? null,
    rollback: step.rollback
      ? {
          name: step.rollback.name,
          description: step.rollback.description,
          script_type: step.rollback.scriptType,
          script: step.rollback.script ?? null,
          duration_minutes: step.rollback.minutes,
        }
      : null,
  };
}

/**
 * Puts each step in the first of its phases the plan has (by phase name or by the template a
 * spec phase follows). A step whose phases are all missing goes to the longest phase after the
 * first, with a warning, so no work silently disappears.
 */
export function placeSteps(
  steps: PlanStepInput[],
  phases: PhaseSource[],
  shares: number[],
): { byPhase: Map<string, PlanStepInput[]>; warnings: PlanWarning[] } {
  const byPhase = new Map<string, PlanStepInput[]>(phases.map((p) => [p.name, []]));
  const warnings: PlanWarning[] = [];
  const fallbackIndex =
    phases.length > 1
      ? phases.slice(1).reduce((best, p, i) => ((p.specHours ?? shares[i + 1]!) > (phases[best]!.specHours ?? shares[best]!) ? i + 1 : best), 1)
      : 0;
  for (const step of steps) {
    const target =
      step.phases.map((candidate) => phases.find((p) => p.name === candidate) ?? phases.find((p) => p.template?.id === candidate)).find(Boolean) ?? null;
    if (target) {
      byPhase.get(target.name)!.push(step);
      continue;
    }
    const fallback = phases[fallbackIndex]!;
    warnings.push({
      code: 'step-without-phase',
      message: `step "${step.name}" belongs in phase ${step.phases.join(' or ')}, which this plan does not have; placed in ${fallback.name} (name a template in migration_phases to place it yourself)`,
      path: fallback.specPath ? `${fallback.specPath}.template` : null,
    });
    byPhase.get(fallback.name)!.push(step);
  }
  return { byPhase, warnings };
}
