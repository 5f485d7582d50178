import type { DailyWindow, Weekday } from '../../documents/spec.js';
import { localToUtc, zoneOffsetMinutes } from './zone-offset.js';

const DAY_MS = 86_400_000;
const WEEKDAY_BY_UTC_DAY: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** How far ahead to look for an opening: a year covers any weekly pattern. */
const SEARCH_DAYS = 370;

export interface Interval {
  start: number;
  end: number;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** A window that repeats daily (on some weekdays), in its own time zone, as UTC intervals. */
export class DailyWindowCalendar {
  private readonly zone: string;
  private readonly open: number;
  private readonly length: number;
  private readonly days: Set<Weekday> | null;

  constructor(readonly window: DailyWindow) {
    this.zone = window.timezone ?? 'UTC';
    this.open = minutesOf(window.start);
    const close = minutesOf(window.end);
    // 22:00 → 02:00 closes the next day; equal times mean the whole day.
    this.length = (close > this.open ? close - this.open : close + 1440 - this.open) * 60000;
    this.days = window.days ? new Set(window.days) : null;
  }

  /** Length of one occurrence, in minutes. */
  get minutes(): number {
    return this.length / 60000;
  }

  /** `02:00–06:00 UTC (sat, sun)` */
  describe(): string {
    return `${this.window.start}–${this.window.end} ${this.zone}${this.days ? ` (${[...this.days].join(', ')})` : ''}`;
  }

  private occurrenceOn(localMidnight: number): Interval | null {
    if (this.days && !this.days.has(WEEKDAY_BY_UTC_DAY[new Date(localMidnight).getUTCDay()]!)) return null;
    const start = localToUtc(this.zone, localMidnight + this.open * 60000);
    return { start, end: start + this.length };
  }

  /** Occurrences whose end is after `t`, in time order. */
  *from(t: number): Generator<Interval> {
    const local = t + zoneOffsetMinutes(this.zone, t) * 60000;
    const firstMidnight = Math.floor(local / DAY_MS) * DAY_MS - DAY_MS;
    for (let day = 0; day <= SEARCH_DAYS; day++) {
      const occurrence = this.occurrenceOn(firstMidnight + day * DAY_MS);
      if (occurrence && occurrence.end > t) yield occurrence;
    }
  }

  /** The occurrence containing `t`, if any. */
  containing(t: number): Interval | null {
    for (const o of this.from(t)) return o.start <= t ? o : null;
    return null;
  }

  /**
   * The earliest start at or after `t` where `minutes` fit inside one occurrence; when they fit in
   * none, the next opening (the caller warns).
   */
  slotFor(t: number, minutes: number): { start: number; fits: boolean } {
    const need = minutes * 60000;
    let firstOpening: number | null = null;
    for (const o of this.from(t)) {
      const start = Math.max(o.start, t);
      firstOpening ??= start;
      if (start + need <= o.end) return { start, fits: true };
      if (need > this.length) break;
    }
    return { start: firstOpening ?? t, fits: false };
  }

  /**
   * The earliest start at or after `t` of a stretch of `minutes` that avoids every occurrence
   * (work kept out of business hours in one piece).
   */
  gapFor(t: number, minutes: number): { start: number; fits: boolean } {
    const need = minutes * 60000;
    let at = t;
    for (const o of this.from(t)) {
      if (o.start <= at) {
        at = Math.max(at, o.end);
        continue;
      }
      if (at + need <= o.start) return { start: at, fits: true };
      at = o.end;
    }
    return { start: at, fits: need <= DAY_MS - this.length };
  }

  /**
   * When work of `minutes` started at `t` ends if it pauses during every occurrence (a throttled
   * backfill that stops during business hours).
   */
  endAvoiding(t: number, minutes: number): { start: number; end: number; pauses: number } {
    let remaining = minutes * 60000;
    let at = t;
    let start: number | null = null;
    let pauses = 0;
    for (const o of this.from(t)) {
      if (o.start <= at) {
        at = Math.max(at, o.end);
        continue;
      }
      start ??= at;
      const available = o.start - at;
      if (remaining <= available) return { start, end: at + remaining, pauses };
      remaining -= available;
      pauses++;
      at = o.end;
    }
    return { start: start ?? at, end: at + remaining, pauses };
  }
}
