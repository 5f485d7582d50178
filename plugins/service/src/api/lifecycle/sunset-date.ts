/**
 * A sunset as descriptions write it (`x-sunset`, `x-sunset-date`): a date (`2026-12-31`), an
 * RFC 3339 date-time, or an HTTP-date as the `Sunset` header carries it (RFC 8594:
 * `Sat, 31 Dec 2026 23:59:59 GMT`). A bare date means the start of that day, UTC.
 */
export type SunsetDate = { ok: true; date: Date; text: string } | { ok: false; text: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export function parseSunset(raw: unknown): SunsetDate | undefined {
  if (raw === undefined || raw === null) return undefined;
  // YAML reads an unquoted 2026-12-31 as a timestamp.
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? { ok: false, text: String(raw) } : { ok: true, date: raw, text: raw.toISOString().slice(0, 10) };
  const text = typeof raw === 'string' ? raw.trim() : JSON.stringify(raw);
  if (typeof raw !== 'string') return { ok: false, text };
  const day = DATE.exec(text);
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    // 2026-02-30 rolls over to March: not a date.
    const valid = date.getUTCMonth() === Number(day[2]) - 1 && date.getUTCDate() === Number(day[3]);
    return valid ? { ok: true, date, text } : { ok: false, text };
  }
  if (DATE_TIME.test(text) || HTTP_DATE.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? { ok: false, text } : { ok: true, date, text };
  }
  return { ok: false, text };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `now` to `date` (negative once it has passed). */
export function daysUntil(date: Date, now: Date): number {
  return Math.floor((date.getTime() - now.getTime()) / DAY_MS);
}
