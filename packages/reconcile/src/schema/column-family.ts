/**
 * What a column holds, independent of the engine: the unit values are normalized and compared in.
 * `scale` is the number of decimal digits of a decimal (null: not declared); `precision` the
 * fractional-second digits of a timestamp or time.
 */
export type Family = 'integer' | 'decimal' | 'float' | 'boolean' | 'text' | 'uuid' | 'timestamp' | 'date' | 'time' | 'bytes' | 'json' | 'other';

export interface FamilyOf {
  family: Family;
  scale: number | null;
  precision: number | null;
}

/** SQLite keeps what the application wrote; timestamps written by SQLite itself carry milliseconds. */
export const SQLITE_TIME_PRECISION = 3;
const PG_TIME_PRECISION = 6;

const plain = (family: Family): FamilyOf => ({ family, scale: null, precision: null });

/** `numeric(12,2)`, `timestamp(3) without time zone`, ... as PostgreSQL's format_type() prints them. */
export function postgresFamily(formatType: string): FamilyOf {
  const type = formatType.trim().toLowerCase();
  if (type.endsWith('[]')) return plain('other');
  if (/^(smallint|integer|bigint|int2|int4|int8|smallserial|serial|bigserial)$/.test(type)) return plain('integer');
  const numeric = /^(?:numeric|decimal)(?:\((\d+)(?:,\s*(-?\d+))?\))?$/.exec(type);
  if (numeric) return { family: 'decimal', scale: numeric[1] === undefined ? null : Number(numeric[2] ?? 0), precision: null };
  if (/^(real|double precision|float4|float8)$/.test(type)) return plain('float');
  if (type === 'boolean') return plain('boolean');
  if (/^(text|character varying(\(\d+\))?|character(\(\d+\))?|"char"|name|citext)$/.test(type)) return plain('text');
  if (type === 'uuid') return plain('uuid');
  const timestamp = /^timestamp(?:\((\d)\))? with(?:out)? time zone$/.exec(type);
  if (timestamp) return { family: 'timestamp', scale: null, precision: timestamp[1] === undefined ? PG_TIME_PRECISION : Number(timestamp[1]) };
  if (type === 'date') return plain('date');
  const time = /^time(?:\((\d)\))? without time zone$/.exec(type);
  if (time) return { family: 'time', scale: null, precision: time[1] === undefined ? PG_TIME_PRECISION : Number(time[1]) };
  if (type === 'bytea') return plain('bytes');
  if (type === 'json' || type === 'jsonb') return plain('json');
  return plain('other');
}

/**
 * SQLite's declared type is a hint (type affinity); names say more than affinity does, so
 * BOOLEAN, UUID, JSON, DATETIME, DATE and TIME are read first, then SQLite's own affinity rules
 * (INT, CHAR/CLOB/TEXT, BLOB, REAL/FLOA/DOUB, else NUMERIC).
 */
export function sqliteFamily(declared: string): FamilyOf {
  const type = declared.trim().toUpperCase();
  if (type === '') return plain('other');
  if (type.includes('BOOL')) return plain('boolean');
  if (/\b(UUID|GUID)\b/.test(type)) return plain('uuid');
  if (/\bJSONB?\b/.test(type)) return plain('json');
  if (/DATETIME|TIMESTAMP/.test(type)) return { family: 'timestamp', scale: null, precision: SQLITE_TIME_PRECISION };
  if (/^DATE$/.test(type)) return plain('date');
  if (/^TIME$/.test(type)) return { family: 'time', scale: null, precision: SQLITE_TIME_PRECISION };
  if (type.includes('INT')) return plain('integer');
  if (/CHAR|CLOB|TEXT/.test(type)) return plain('text');
  if (type.includes('BLOB')) return plain('bytes');
  if (/REAL|FLOA|DOUB/.test(type)) return plain('float');
  const decimal = /^(?:NUMERIC|DECIMAL)\s*\(\s*\d+\s*(?:,\s*(\d+)\s*)?\)$/.exec(type);
  if (decimal) return { family: 'decimal', scale: Number(decimal[1] ?? 0), precision: null };
  return { family: 'decimal', scale: null, precision: null };
}

/**
 * MySQL / MariaDB column types as information_schema.COLUMNS.COLUMN_TYPE prints them
 * (`int(11)`, `tinyint(1)`, `decimal(10,2)`, `datetime(6)`). TINYINT(1) is MySQL's boolean; a
 * DATETIME or TIMESTAMP without a precision keeps whole seconds.
 */
export function mysqlFamily(columnType: string): FamilyOf {
  const type = columnType
    .trim()
    .toLowerCase()
    .replace(/\s+(unsigned|signed|zerofill)\b/g, '');
  if (/^(tinyint\(1\)|bool|boolean)$/.test(type)) return plain('boolean');
  if (/^(tiny|small|medium|big)?int(eger)?(\(\d+\))?$/.test(type) || /^year(\(\d\))?$/.test(type)) return plain('integer');
  const decimal = /^(?:decimal|numeric|fixed)(?:\((\d+)(?:,(\d+))?\))?$/.exec(type);
  if (decimal) return { family: 'decimal', scale: Number(decimal[2] ?? 0), precision: null };
  if (/^(float|double|real|double precision)(\(\d+(,\d+)?\))?$/.test(type)) return plain('float');
  if (type === 'uuid') return plain('uuid');
  if (type === 'json') return plain('json');
  const timestamp = /^(?:datetime|timestamp)(?:\((\d)\))?$/.exec(type);
  if (timestamp) return { family: 'timestamp', scale: null, precision: Number(timestamp[1] ?? 0) };
  if (type === 'date') return plain('date');
  const time = /^time(?:\((\d)\))?$/.exec(type);
  if (time) return { family: 'time', scale: null, precision: Number(time[1] ?? 0) };
  if (/^(var)?binary(\(\d+\))?$|^(tiny|medium|long)?blob$/.test(type)) return plain('bytes');
  if (/^(var)?char(\(\d+\))?$|^(tiny|medium|long)?text$|^enum\(|^set\(/.test(type)) return plain('text');
  return plain('other');
}
