const FIXED_OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const UTC_NAMES = new Set(['utc', 'gmt', 'z', 'etc/utc', 'etc/gmt']);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is UTC, a fixed offset (+01:00, UTC-5) or a zone the runtime knows (Europe/Berlin). */
export function isKnownZone(zone: string): boolean {
  if (UTC_NAMES.has(zone.toLowerCase()) || FIXED_OFFSET.test(zone)) return true;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes to add to UTC to get local time in `zone` at the instant `utcMs`. */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  if (UTC_NAMES.has(zone.toLowerCase())) return 0;
  const fixed = FIXED_OFFSET.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return Math.round((local - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** The UTC instant of a local wall-clock time (given as if it were UTC) in `zone`. */
export function localToUtc(zone: string, localMs: number): number {
  // Two passes settle the offset on either side of a daylight-saving change.
  let utc = localMs - zoneOffsetMinutes(zone, localMs) * 60000;
  utc = localMs - zoneOffsetMinutes(zone, utc) * 60000;
  return utc;
}
