/**
 * Wall-clock times of an IANA zone as instants, for timestamps stored without a zone
 * (`timestamp without time zone`, zone-less text) when the user says which zone they are in.
 * Offsets come from the runtime's time zone database (Intl), as PostgreSQL's come from its own,
 * read through core's zone cache (its light `time-zone` entry: SQLite workers import this too).
 */
import { ianaOffsetSeconds, isIanaZone } from '@migration-architect/core/time-zone';

const MICROS_PER_SECOND = 1_000_000n;

/** Whether the runtime knows the zone (an IANA name such as Europe/Berlin, or UTC). */
export const isKnownTimeZone = isIanaZone;

/** The zone's offset from UTC, in seconds, at a Unix instant: core's one Intl zone cache. */
const offsetSecondsAt = ianaOffsetSeconds;

/**
 * The instant (µs since the epoch) of a wall-clock time in `zone`, given as µs since the epoch as
 * if it were UTC. Like PostgreSQL: a time repeated when clocks go back is read with the later
 * (standard time) offset, a time skipped when clocks go forward with the offset before the change.
 */
export function wallMicrosToInstant(wallMicros: bigint, zone: string): bigint {
  const wallSeconds = Number(wallMicros / MICROS_PER_SECOND);
  // The offsets a day around the wall time cover any transition near it.
  const before = offsetSecondsAt(zone, wallSeconds - 86_400);
  const after = offsetSecondsAt(zone, wallSeconds + 86_400);
  const candidates = [...new Set([after, before])].filter((offset) => offsetSecondsAt(zone, wallSeconds - offset) === offset);
  // No candidate: the wall time falls in a gap; read it with the offset in force before the change.
  const offset = candidates.length === 0 ? before : candidates.length === 1 ? candidates[0]! : Math.min(...candidates);
  return wallMicros - BigInt(offset) * MICROS_PER_SECOND;
}

/** The wall-clock time in `zone` of an instant, as µs since the epoch as if it were UTC. */
export function instantToWallMicros(micros: bigint, zone: string): bigint {
  const seconds = Number((micros - (((micros % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND)) / MICROS_PER_SECOND);
  return micros + BigInt(offsetSecondsAt(zone, seconds)) * MICROS_PER_SECOND;
}

/**
 * The zone's offset as a step function of wall-clock time, for engines that must convert in SQL
 * without zone tables (MySQL / MariaDB): `initial` below the first step, then `offset` from each
 * step's wall time (seconds since the epoch as if UTC) on. A change at instant T from offset o1 to
 * o2 steps at wall time T + o2, which reads skipped wall times with o1 and repeated ones with o2,
 * as wallMicrosToInstant() does. Changes are found by probing every week between the years given,
 * then bisecting to the second: two changes less than a week apart (none since 1970 in the tz
 * database's common zones) would be missed.
 */
export function wallOffsetSteps(zone: string, fromYear: number, toYear: number): { initial: number; steps: { wall: number; offset: number }[] } {
  const WEEK = 7 * 86_400;
  const start = Date.UTC(fromYear, 0, 1) / 1000;
  const end = Date.UTC(toYear, 0, 1) / 1000;
  const initial = offsetSecondsAt(zone, start);
  const steps: { wall: number; offset: number }[] = [];
  let before = initial;
  for (let t = start; t < end; t += WEEK) {
    const next = Math.min(end, t + WEEK);
    const after = offsetSecondsAt(zone, next);
    if (after === before) continue;
    // The first second with the new offset.
    let lo = t;
    let hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetSecondsAt(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    steps.push({ wall: hi + after, offset: after });
    before = after;
  }
  return { initial, steps };
}
