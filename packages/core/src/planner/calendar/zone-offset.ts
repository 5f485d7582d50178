import { ianaOffsetSeconds, isIanaZone } from '../../time-zone/iana-zone-offset.js';

const FIXED_OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const UTC_NAMES = new Set(['utc', 'gmt', 'z', 'etc/utc', 'etc/gmt']);

/** True when `zone` is UTC, a fixed offset (+01:00, UTC-5) or a zone the runtime knows (Europe/Berlin). */
export function isKnownZone(zone: string): boolean {
  return UTC_NAMES.has(zone.toLowerCase()) || FIXED_OFFSET.test(zone) || isIanaZone(zone);
}

/** Minutes to add to UTC to get local time in `zone` at the instant `utcMs`. */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  if (UTC_NAMES.has(zone.toLowerCase())) return 0;
  const fixed = FIXED_OFFSET.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  return Math.round(ianaOffsetSeconds(zone, Math.floor(utcMs / 1000)) / 60);
}

/** The UTC instant of a local wall-clock time (given as if it were UTC) in `zone`. */
export function localToUtc(zone: string, localMs: number): number {
  // Two passes settle the offset on either side of a daylight-saving change.
  let utc = localMs - zoneOffsetMinutes(zone, localMs) * 60000;
  utc = localMs - zoneOffsetMinutes(zone, utc) * 60000;
  return utc;
}
