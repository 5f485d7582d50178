/**
 * A date or timestamp constant as PostgreSQL prints it back: `'epoch'` is `1970-01-01 00:00:00`,
 * a date given to a timestamp gets midnight, and a `timestamp with time zone` with its offset
 * written is moved to UTC (`2018-01-01 01:00:00+01` is `2018-01-01 00:00:00+00`), so a file, a dump
 * made in another time zone and the catalog compare alike. Null when the text is not one of these
 * (`now`, `infinity`, a timestamptz without an offset, which depends on the session's time zone).
 */
export type TemporalKind = 'date' | 'timestamp' | 'timestamptz';

const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

const TYPE_NAMES: Record<string, TemporalKind> = {
  date: 'date',
  timestamp: 'timestamp',
  'timestamp without time zone': 'timestamp',
  timestamptz: 'timestamptz',
  'timestamp with time zone': 'timestamptz',
};

/** The kind of a type name (`timestamp with time zone`, `timestamptz`, `pg_catalog.date`), if temporal. */
export function temporalKind(typeName: string): TemporalKind | undefined {
  return TYPE_NAMES[
    typeName
      .toLowerCase()
      .replace(/^(pg_catalog\.)/, '')
      .replace(/\(\d+\)/, '')
  ];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function canonicalTemporal(text: string, kind: TemporalKind): string | null {
  const value = text.trim().toLowerCase() === 'epoch' ? '1970-01-01 00:00:00+00' : text.trim();
  const match = STAMP.exec(value);
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = match;
  const date = `${year}-${month}-${day}`;
  if (kind === 'date') return date;
  // PostgreSQL prints fractions without trailing zeros, and none when they are all zero.
  const frac = fraction.replace(/0+$/, '').replace(/^\.$/, '');
  // A timestamp without time zone ignores an offset written in its text.
  if (kind === 'timestamp') return `${date} ${hour}:${minute}:${second}${frac}`;
  if (!zone) return null;
  const offset = /^(z|utc)$/i.test(zone)
    ? 0
    : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.replace(':', '').slice(3, 5) || 0));
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute) - offset, Number(second)));
  return `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())} ${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}:${pad(utc.getUTCSeconds())}${frac}+00`;
}

/** `'2018-01-01 01:00:00+01'::timestamp with time zone` and the like, in SQL text, each constant made canonical. */
export function canonicalTemporalCasts(sql: string): string {
  return sql.replace(
    /'([^']*)'::(timestamp with time zone|timestamp without time zone|timestamptz|timestamp|date)\b/gi,
    (whole, text: string, type: string) => {
      const kind = temporalKind(type);
      const canonical = kind ? canonicalTemporal(text, kind) : null;
      return canonical === null ? whole : `'${canonical}'::${type}`;
    },
  );
}
