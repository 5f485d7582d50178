/**
 * Offsets of IANA zones from the runtime's time zone database (Intl), with one cached formatter
 * per zone. Core's calendars (minutes, fixed offsets too) and reconcile's zone-less timestamps
 * (seconds, any era) both read zones through here. Light on purpose: reconcile's SQLite workers
 * import it through `@migration-architect/core/time-zone` without loading the rest of core.
 */
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
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the runtime knows the zone (an IANA name such as Europe/Berlin, or UTC). */
export function isIanaZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC, in seconds, at a Unix instant (whole seconds). */
export function ianaOffsetSeconds(zone: string, unixSeconds: number): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(unixSeconds * 1000))) parts[p.type] = p.value;
  let year = Number(parts['year']);
  if (parts['era'] === 'BC' || parts['era'] === 'B') year = 1 - year;
  const wall = Date.UTC(year, Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  // Date.UTC maps years 0-99 to 1900-1999; such dates do not occur in practice.
  return Math.round(wall / 1000) - unixSeconds;
}
