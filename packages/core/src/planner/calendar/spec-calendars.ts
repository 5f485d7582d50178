import type { DailyWindow, MigrationSpec } from '../../documents/spec.js';
import { InputDataError } from '../../errors/errors.js';
import { DailyWindowCalendar } from './daily-window.js';
import { isKnownZone } from './zone-offset.js';

export interface SpecCalendars {
  businessHours: DailyWindowCalendar | null;
  window: DailyWindowCalendar | null;
}

function calendar(window: DailyWindow | undefined, path: string, file: string | undefined): DailyWindowCalendar | null {
  if (!window) return null;
  if (window.timezone !== undefined && !isKnownZone(window.timezone)) {
    throw new InputDataError(`unknown time zone "${window.timezone}" (expected UTC, an offset such as +01:00, or an IANA zone such as Europe/Berlin)`, {
      file,
      path: `${path}.timezone`,
    });
  }
  return new DailyWindowCalendar(window);
}

/** The spec's business hours and migration window, with their time zones checked. */
export function specCalendars(spec: MigrationSpec, file: string | undefined): SpecCalendars {
  const bc = spec.business_continuity;
  return {
    businessHours: calendar(bc?.critical_business_hours, 'business_continuity.critical_business_hours', file),
    window: calendar(bc?.preferred_migration_window, 'business_continuity.preferred_migration_window', file),
  };
}
