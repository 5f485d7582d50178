/**
 * An interval constant as PostgreSQL prints it back (IntervalStyle `postgres`): `'90 day'` is
 * `90 days`, `'1 week'` is `7 days`, `'2 hours 30 minutes'` is `02:30:00`, `'1 year 14 months'`
 * is `2 years 2 mons`. A migration file keeps the spelling it was written in and the catalog the
 * one PostgreSQL stores, so both must be brought to one form before they are compared.
 *
 * Only whole-number fields with the common unit spellings, an `hh:mm[:ss]` time and a trailing
 * `ago` are read; anything else (fractions, ISO 8601, `@`-less oddities PostgreSQL also takes)
 * gives null and is compared as written, which can only report a difference, never hide one.
 */

type Field = 'months' | 'days' | 'seconds';

const UNITS: Record<string, [Field, number]> = {};
const unit = (names: string[], field: Field, scale: number) => {
  for (const name of names) UNITS[name] = [field, scale];
};
unit(['year', 'years', 'yr', 'yrs', 'y'], 'months', 12);
unit(['month', 'months', 'mon', 'mons'], 'months', 1);
unit(['week', 'weeks', 'w'], 'days', 7);
unit(['day', 'days', 'd'], 'days', 1);
unit(['hour', 'hours', 'hr', 'hrs', 'h'], 'seconds', 3600);
unit(['minute', 'minutes', 'min', 'mins', 'm'], 'seconds', 60);
unit(['second', 'seconds', 'sec', 'secs', 's'], 'seconds', 1);

const NUMBER_UNIT = /^([+-]?\d{1,6})\s*([a-z]+)$/;
const CLOCK = /^([+-]?)(\d{1,6}):(\d{2})(?::(\d{2}))?$/;

/** The stored form of an interval constant, or null when the text is not one this reads. */
export function canonicalInterval(text: string): string | null {
  let rest = text.trim().toLowerCase().replace(/^@\s*/, '');
  let ago = false;
  if (/\sago$/.test(rest)) {
    ago = true;
    rest = rest.slice(0, -3).trimEnd();
  }
  // `90 day`, `90day`, `1 day 02:00:00`: split into number-and-unit pairs and a clock.
  const tokens = rest.match(/[+-]?\d+\s*[a-z]+|[+-]?\d+(?::\d+)+|\S+/g);
  if (!tokens) return null;
  const totals: Record<Field, number> = { months: 0, days: 0, seconds: 0 };
  const seen = new Set<string>();
  for (const token of tokens) {
    const clock = CLOCK.exec(token);
    if (clock) {
      if (seen.has('clock')) return null;
      seen.add('clock');
      const [, sign, hours, minutes, seconds = '0'] = clock;
      if (Number(minutes) > 59 || Number(seconds) > 59) return null;
      totals.seconds += (sign === '-' ? -1 : 1) * (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds));
      continue;
    }
    const pair = NUMBER_UNIT.exec(token);
    const known = pair ? UNITS[pair[2]!] : undefined;
    if (!pair || !known) return null;
    // PostgreSQL refuses a unit given twice (`1 day 2 days`); so does this.
    const name = `${known[0]}:${known[1]}`;
    if (seen.has(name)) return null;
    seen.add(name);
    totals[known[0]] += Number(pair[1]) * known[1];
  }
  if (ago) for (const field of Object.keys(totals) as Field[]) totals[field] = -totals[field];
  return printInterval(totals);
}

/** PostgreSQL's `interval_out` in the `postgres` style, for whole seconds. */
function printInterval({ months, days, seconds }: Record<Field, number>): string {
  const parts: string[] = [];
  // After a negative field, PostgreSQL writes `+` before a positive one (`-1 years +2 mons`).
  let afterNegative = false;
  const field = (value: number, name: string) => {
    if (value === 0) return;
    parts.push(`${afterNegative && value > 0 ? '+' : ''}${value} ${name}${value === 1 ? '' : 's'}`);
    afterNegative = value < 0;
  };
  field(Math.trunc(months / 12), 'year');
  field(months % 12, 'mon');
  field(days, 'day');
  if (parts.length === 0 || seconds !== 0) {
    const magnitude = Math.abs(seconds);
    const pad = (n: number) => String(n).padStart(2, '0');
    const clock = `${pad(Math.trunc(magnitude / 3600))}:${pad(Math.trunc(magnitude / 60) % 60)}:${pad(magnitude % 60)}`;
    parts.push(`${seconds < 0 ? '-' : afterNegative ? '+' : ''}${clock}`);
  }
  return parts.join(' ');
}
