import type { FlagRollout, MetricGate, MetricTrigger, PlanWarning } from '../documents/plan.js';
import type { MigrationSpec } from '../documents/spec.js';
import { InputDataError } from '../errors/errors.js';
import type { PlanStepInput } from '../plugin/contract-types.js';
import { describeTrigger } from './metric-gates.js';
import type { PhaseSource } from './phase-sources.js';

/** Words that mark a phase of the spec's own as the one that moves traffic. */
const TRAFFIC_WORDS = /traffic|roll ?out|gradual|canary|redirect|shift|ramp/i;

/**
 * The phase each flag's rollout starts in: the one it names, else the first phase whose template
 * shifts traffic, else the first spec phase whose name or description talks about traffic.
 */
export function flagHosts(spec: MigrationSpec, phases: PhaseSource[], file: string | undefined): { hosts: (string | null)[]; warnings: PlanWarning[] } {
  const warnings: PlanWarning[] = [];
  const byTemplate = phases.find((p) => p.shiftsTraffic);
  const byWords = phases.find((p) => p.origin === 'spec' && (TRAFFIC_WORDS.test(p.name) || TRAFFIC_WORDS.test(p.description)));
  const hosts = (spec.feature_flags ?? []).map((flag, i) => {
    if (flag.phase !== undefined) {
      if (!phases.some((p) => p.name === flag.phase)) {
        throw new InputDataError(`names phase "${flag.phase}", which this plan does not have (phases: ${phases.map((p) => p.name).join(', ')})`, {
          file,
          path: `feature_flags[${i}].phase`,
        });
      }
      return flag.phase;
    }
    const host = byTemplate ?? byWords;
    if (!host) {
      warnings.push({
        code: 'rollout-without-phase',
        message: `no phase shifts traffic, so the rollout of ${flag.name} is not scheduled; name its phase in feature_flags[${i}].phase`,
        path: `feature_flags[${i}].phase`,
      });
      return null;
    }
    return host.name;
  });
  return { hosts, warnings };
}

const flagApi = (flag: string, percentage: number) =>
  `curl -fsS -X PUT "$FEATURE_FLAG_API/flags/${flag}" -H 'Content-Type: application/json' -d '{"percentage": ${percentage}}'`;

/** Turning each flag on is a step of its phase; turning it off is that step's rollback. */
export function flagSteps(spec: MigrationSpec, hosts: (string | null)[]): PlanStepInput[] {
  return (spec.feature_flags ?? []).flatMap((flag, i) => {
    const host = hosts[i];
    if (!host) return [];
    const first = flag.rollout_schedule?.[0]?.percentage ?? flag.initial_percentage ?? 0;
    // The stages before the last are held in the host phase: that is its work too, so the phase lasts them.
    const stages = flag.rollout_schedule ?? [];
    const holdHours = stages.slice(0, -1).reduce((sum, stage) => sum + stage.duration_hours, 0);
    const last = stages.at(-1)?.percentage ?? 100;
    return [
      {
        key: `flag-${flag.name}`,
        phases: [host],
        name: `Turn on ${flag.name} at ${first}%`,
        description: `${flag.description ?? flag.name}: start the rollout (stages under feature_flag_rollouts)`,
        subject: { kind: 'feature_flag', name: flag.name },
        minutes: 5 + holdHours * 60,
        estimate: holdHours
          ? `5 min (assumed: one flag change and a check that it took effect) + ${holdHours} h holding its stages until ${last}% (rollout_schedule)`
          : '5 min (assumed: one flag change and a check that it took effect)',
        scriptType: 'api' as const,
        script: flagApi(flag.name, first),
        validation: `curl -fsS "$FEATURE_FLAG_API/flags/${flag.name}"`,
        rollback: {
          name: `Turn ${flag.name} off`,
          description: `Send all traffic back to the old path: set ${flag.name} to 0%`,
          scriptType: 'api' as const,
          script: flagApi(flag.name, 0),
          minutes: 2,
        },
      },
    ];
  });
}

/**
 * Each flag's stages on the plan's clock: they start with the host phase and follow one another;
 * the alert thresholds gate every move to the next stage and the rollback triggers abort it.
 * A rollout may run on into later phases, but must reach its last stage before the final phase
 * starts (retiring the old path before everyone is on the new one would cut users off).
 */
export function buildRollouts(
  spec: MigrationSpec,
  hosts: (string | null)[],
  phaseStart: Map<string, number>,
  finalPhase: { name: string; start: number },
  gates: MetricGate[],
  triggers: MetricTrigger[],
): { rollouts: FlagRollout[]; warnings: PlanWarning[] } {
  const warnings: PlanWarning[] = [];
  const abortWhen = triggers.filter((t) => t.source.startsWith('rollback_triggers')).map(describeTrigger);
  const rollouts = (spec.feature_flags ?? []).map((flag, i): FlagRollout => {
    const host = hosts[i] ?? null;
    const schedule = flag.rollout_schedule?.length ? flag.rollout_schedule : [{ percentage: 100, duration_hours: 0 }];
    if (!flag.rollout_schedule?.length) {
      warnings.push({
        code: 'rollout-without-stages',
        message: `${flag.name} has no rollout_schedule: planned as one switch to 100%`,
        path: `feature_flags[${i}].rollout_schedule`,
      });
    }
    schedule.forEach((stage, j) => {
      if (j > 0 && stage.percentage < schedule[j - 1]!.percentage) {
        warnings.push({
          code: 'rollout-goes-back',
          message: `${flag.name} drops from ${schedule[j - 1]!.percentage}% to ${stage.percentage}%`,
          path: `feature_flags[${i}].rollout_schedule[${j}].percentage`,
        });
      }
    });
    const last = schedule.at(-1)!;
    if (last.percentage < 100) {
      warnings.push({
        code: 'rollout-incomplete',
        message: `${flag.name} stops at ${last.percentage}%: the old path keeps serving the rest`,
        path: `feature_flags[${i}].rollout_schedule`,
      });
    }
    let at = host ? phaseStart.get(host)! : 0;
    const stages = schedule.map((stage, j) => {
      const start = at;
      at += stage.duration_hours;
      const final = j === schedule.length - 1;
      return {
        percentage: stage.percentage,
        hold_hours: stage.duration_hours,
        start_offset_hours: start,
        end_offset_hours: at,
        gates: final ? [] : gates,
        abort_when: abortWhen,
      };
    });
    // The final stage is reached when the one before it ends.
    const reachedFinal = stages.at(-1)!.start_offset_hours;
    if (host && host !== finalPhase.name && reachedFinal > finalPhase.start + 1e-9) {
      warnings.push({
        code: 'rollout-overruns',
        message: `${flag.name} reaches ${last.percentage}% at hour ${round(reachedFinal)}, after the final phase ${finalPhase.name} starts (hour ${round(finalPhase.start)})`,
        path: `feature_flags[${i}].rollout_schedule`,
      });
    }
    return {
      flag: flag.name,
      description: flag.description ?? '',
      phase: host,
      initial_percentage: flag.initial_percentage ?? 0,
      total_hours: round(at - (host ? phaseStart.get(host)! : 0)),
      stages,
    };
  });
  return { rollouts, warnings };
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
