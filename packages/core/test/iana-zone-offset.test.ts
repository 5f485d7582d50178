import { describe, expect, it } from 'vitest';
import { isKnownZone, localToUtc, zoneOffsetMinutes } from '../src/planner/calendar/zone-offset.js';
import { ianaOffsetSeconds, isIanaZone } from '../src/time-zone/index.js';

const at = (iso: string) => Date.parse(iso) / 1000;

/** One Intl zone cache: core's calendars read it in minutes, reconcile in seconds. Expected offsets are the tz database's, as literals. */
describe('IANA zone offsets', () => {
  it.each([
    ['Europe/Berlin', '2026-12-07T12:00:00Z', 3600],
    ['Europe/Berlin', '2026-07-01T12:00:00Z', 7200],
    ['Asia/Kolkata', '2026-12-07T12:00:00Z', 19800],
    ['Australia/Lord_Howe', '2026-12-07T12:00:00Z', 39600],
    ['Australia/Lord_Howe', '2026-07-01T12:00:00Z', 37800],
    ['America/New_York', '2026-03-08T06:59:59Z', -18000],
    ['America/New_York', '2026-03-08T07:00:00Z', -14400],
    ['Pacific/Apia', '2011-12-30T09:59:59Z', -36000],
    ['Pacific/Apia', '2011-12-30T10:00:00Z', 50400],
    ['UTC', '2026-12-07T12:00:00Z', 0],
  ])('%s at %s: %i s', (zone, iso, seconds) => {
    expect(ianaOffsetSeconds(zone, at(iso))).toBe(seconds);
  });

  it('reads years before the common era (reconcile compares such timestamps)', () => {
    // 0044-03-15 BC in proleptic Gregorian, UTC: the era must not flip the year's sign.
    expect(ianaOffsetSeconds('UTC', Date.UTC(-43, 2, 15, 12) / 1000)).toBe(0);
  });

  it('gives core its minutes, with fixed offsets and UTC names that Intl is not asked about', () => {
    expect(zoneOffsetMinutes('Europe/Berlin', Date.parse('2026-12-07T12:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.parse('2026-12-07T12:00:00.999Z'))).toBe(330);
    expect(zoneOffsetMinutes('+05:45', 0)).toBe(345);
    expect(zoneOffsetMinutes('UTC-5', 0)).toBe(-300);
    expect(zoneOffsetMinutes('Z', 0)).toBe(0);
    expect(localToUtc('Europe/Berlin', Date.parse('2026-07-01T09:00:00Z'))).toBe(Date.parse('2026-07-01T07:00:00Z'));
  });

  it('knows zones: IANA names through Intl, fixed offsets only in core', () => {
    expect(isIanaZone('Europe/Berlin')).toBe(true);
    expect(isIanaZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownZone('+01:00')).toBe(true);
    expect(isKnownZone('Europe/Berlin')).toBe(true);
  });
});
