import { wallOffsetSteps } from '../../normalization/time-zone.js';
import { formatMicros } from '../../normalization/temporal-text.js';

/** Years the offset table covers; outside them the nearest offset applies. */
const FROM_YEAR = 1900;
const TO_YEAR = 2100;

const cache = new Map<string, string>();

/**
 * SQL giving the offset (seconds) of --naive-time-zone at a DATETIME's wall-clock time, without
 * MySQL's zone tables (CONVERT_TZ needs mysql.time_zone* loaded, which most servers have not):
 * the zone's changes, computed here from the runtime's time zone database as for PostgreSQL and
 * JavaScript, become a balanced CASE tree, so each row costs about log2(changes) comparisons.
 */
export function mysqlZoneOffsetSql(column: string, zone: string): string {
  const key = `${zone}\u0000${column}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { initial, steps } = wallOffsetSteps(zone, FROM_YEAR, TO_YEAR);
  const literal = (wall: number) => `'${formatMicros(BigInt(wall) * 1_000_000n)}'`;
  // Offsets in force: initial below steps[0], steps[i].offset from steps[i] to steps[i + 1].
  const tree = (lo: number, hi: number): string => {
    // Covers wall times from step lo - 1 (or the start) to step hi (exclusive).
    if (lo === hi) return String(lo === 0 ? initial : steps[lo - 1]!.offset);
    const mid = Math.floor((lo + hi + 1) / 2);
    return `CASE WHEN ${column} < ${literal(steps[mid - 1]!.wall)} THEN ${tree(lo, mid - 1)} ELSE ${tree(mid, hi)} END`;
  };
  const sql = tree(0, steps.length);
  cache.set(key, sql);
  return sql;
}
