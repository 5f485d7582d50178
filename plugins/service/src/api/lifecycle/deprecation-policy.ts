import type { DeprecationPolicy } from '../../options.js';
import type { Lifecycle } from '../model/api-model.js';
import { daysUntil } from './sunset-date.js';
import { isStabilityLevel } from './stability-level.js';

/** The policy's defaults (oasdiff's: 180 days for stable, 31 for beta), for callers without options. */
export const DEFAULT_DEPRECATION_POLICY: DeprecationPolicy = {
  noticeDays: { stable: 180, beta: 31, alpha: 0, draft: 0 },
  requireSunset: true,
};

/** The notice an operation of this lifecycle is owed: its level's days (no level or an unknown one: stable). */
export function noticeDaysFor(lifecycle: Lifecycle, policy: DeprecationPolicy): number {
  const level = isStabilityLevel(lifecycle.stability) ? lifecycle.stability : 'stable';
  return policy.noticeDays[level];
}

/** What a deprecation (or a sunset moved) owes under the policy, measured at `now`. */
export interface SunsetVerdict {
  noticeDays: number;
  /** Days from now to the sunset; undefined without a readable sunset or a clock. */
  daysLeft: number | undefined;
  /** The sunset is closer than the notice period. */
  tooSoon: boolean;
  /** No sunset although the policy requires one for this level. */
  missing: boolean;
}

export function judgeSunset(lifecycle: Lifecycle, policy: DeprecationPolicy, now: Date | undefined): SunsetVerdict {
  const noticeDays = noticeDaysFor(lifecycle, policy);
  const sunset = lifecycle.sunsetDate;
  const daysLeft = sunset?.ok && now ? daysUntil(sunset.date, now) : undefined;
  return {
    noticeDays,
    daysLeft,
    tooSoon: daysLeft !== undefined && daysLeft < noticeDays,
    missing: sunset === undefined && policy.requireSunset && noticeDays > 0,
  };
}

/** Whether something deprecated with this sunset is removed too early: its sunset is readable and still ahead. */
export function beforeSunset(lifecycle: Pick<Lifecycle, 'sunsetDate'>, now: Date | undefined): boolean {
  const sunset = lifecycle.sunsetDate;
  return sunset?.ok === true && now !== undefined && sunset.date.getTime() > now.getTime();
}
