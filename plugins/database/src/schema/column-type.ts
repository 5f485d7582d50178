/**
 * Column types, normalized so that spellings of one PostgreSQL type compare equal
 * (`int`, `integer`, `int4`) and a change of spelling is not reported as a change of type.
 */
export interface ColumnType {
  /**
   * Canonical name: `integer`, `varchar`, `timestamptz`, `double precision`, or a custom type folded
   * as PostgreSQL folds it: lower case unless it was quoted (`"WorkspaceType"` keeps its case).
   */
  name: string;
  /** Declared length of char / varchar / bit types; null when unbounded or not applicable. */
  length: number | null;
  /** numeric precision, or fractional-seconds precision of time types. */
  precision: number | null;
  scale: number | null;
  arrayDimensions: number;
}

/** Spelling → canonical name. MySQL spellings the seed format allows map to their PostgreSQL type. */
const ALIASES = new Map<string, string>(
  Object.entries({
    int: 'integer',
    integer: 'integer',
    int4: 'integer',
    bigint: 'bigint',
    int8: 'bigint',
    smallint: 'smallint',
    int2: 'smallint',
    tinyint: 'tinyint',
    mediumint: 'mediumint',
    serial: 'integer',
    serial4: 'integer',
    bigserial: 'bigint',
    serial8: 'bigint',
    smallserial: 'smallint',
    serial2: 'smallint',
    decimal: 'numeric',
    dec: 'numeric',
    numeric: 'numeric',
    real: 'real',
    float4: 'real',
    'double precision': 'double precision',
    double: 'double precision',
    float8: 'double precision',
    money: 'money',
    varchar: 'varchar',
    'character varying': 'varchar',
    nvarchar: 'varchar',
    varchar2: 'varchar',
    nvarchar2: 'varchar',
    char: 'char',
    character: 'char',
    nchar: 'char',
    bpchar: 'char',
    text: 'text',
    tinytext: 'text',
    mediumtext: 'text',
    longtext: 'text',
    clob: 'text',
    citext: 'citext',
    bool: 'boolean',
    boolean: 'boolean',
    date: 'date',
    time: 'time',
    'time without time zone': 'time',
    timetz: 'timetz',
    'time with time zone': 'timetz',
    timestamp: 'timestamp',
    'timestamp without time zone': 'timestamp',
    datetime: 'timestamp',
    timestamptz: 'timestamptz',
    'timestamp with time zone': 'timestamptz',
    interval: 'interval',
    json: 'json',
    jsonb: 'jsonb',
    uuid: 'uuid',
    bytea: 'bytea',
    blob: 'bytea',
    tinyblob: 'bytea',
    mediumblob: 'bytea',
    longblob: 'bytea',
    binary: 'bytea',
    varbinary: 'bytea',
    bit: 'bit',
    'bit varying': 'varbit',
    varbit: 'varbit',
  }),
);

const SERIAL_SPELLINGS = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);
const LENGTH_TYPES = new Set(['varchar', 'char', 'bit', 'varbit']);
const TIME_PRECISION_TYPES = new Set(['time', 'timetz', 'timestamp', 'timestamptz', 'interval']);
/** Integer display widths (MySQL's `int(11)`) say nothing about the stored range. */
const IGNORED_ARGUMENT_TYPES = new Set(['integer', 'bigint', 'smallint', 'tinyint', 'mediumint']);

export interface ParsedColumnType {
  type: ColumnType;
  /** Written as serial / bigserial: the column takes its values from a sequence. */
  serial: boolean;
}

export interface TypeAttributes {
  length?: number | null | undefined;
  precision?: number | null | undefined;
  scale?: number | null | undefined;
}

/**
 * Parses `varchar(255)`, `numeric(10, 2)`, `timestamp(3) with time zone`, `int[]`, ... Attributes
 * given separately (the seed format's `length`) take precedence over those in the type text.
 */
/** Parsed spellings: a dump of thousands of tables spells a few dozen types. Copies are handed out, so callers may change them. */
const parsedTypes = new Map<string, ParsedColumnType>();

export function parseColumnType(text: string, attributes: TypeAttributes = {}): ParsedColumnType {
  if (attributes.length == null && attributes.precision == null && attributes.scale == null) {
    let parsed = parsedTypes.get(text);
    if (!parsed) {
      parsed = parseColumnTypeUncached(text, attributes);
      if (parsedTypes.size < 10_000) parsedTypes.set(text, parsed);
    }
    return { type: { ...parsed.type }, serial: parsed.serial };
  }
  return parseColumnTypeUncached(text, attributes);
}

function parseColumnTypeUncached(text: string, attributes: TypeAttributes): ParsedColumnType {
  let rest = foldTypeText(text.trim()).replace(/\s+/g, ' ');
  let arrayDimensions = 0;
  for (;;) {
    const array = /\s*(\[\s*\d*\s*\]|\barray)$/.exec(rest);
    if (!array) break;
    arrayDimensions++;
    rest = rest.slice(0, array.index).trim();
  }
  rest = rest.replace(/\s+unsigned$/, '');
  let args: number[] = [];
  let rawArgs = '';
  const withArgs = /^(.*?)\s*\(\s*([^)]*?)\s*\)\s*(.*)$/.exec(rest);
  if (withArgs) {
    rawArgs = withArgs[2]!.replace(/\s*,\s*/g, ',');
    args = rawArgs
      .split(',')
      .filter((a) => a !== '')
      .map(Number)
      .filter((n) => Number.isInteger(n));
    rest = `${withArgs[1]!} ${withArgs[3]!}`.trim();
  }
  const spelled = rest;
  let name = ALIASES.get(spelled) ?? spelled;
  let precision: number | null = null;
  let scale: number | null = null;
  let length: number | null = null;
  if (spelled === 'float') {
    // float(p): PostgreSQL picks real up to 24 bits of precision, double precision above or when unset.
    name = args[0] !== undefined && args[0] <= 24 ? 'real' : 'double precision';
  } else if (LENGTH_TYPES.has(name)) {
    length = args[0] ?? null;
  } else if (name === 'numeric') {
    precision = args[0] ?? null;
    scale = args[0] !== undefined ? (args[1] ?? 0) : null;
  } else if (TIME_PRECISION_TYPES.has(name)) {
    precision = args[0] ?? null;
  } else if (!IGNORED_ARGUMENT_TYPES.has(name) && rawArgs) {
    // A custom type with modifiers (geometry(point,4326)): keep them in the name so a change is still seen.
    name = `${name}(${rawArgs})`;
  }
  if (attributes.length != null) length = attributes.length;
  if (attributes.precision != null) precision = attributes.precision;
  if (attributes.scale != null) scale = attributes.scale;
  if (name === 'numeric' && precision !== null && scale === null) scale = 0;
  // char and bit without a length mean length 1 in PostgreSQL.
  if ((name === 'char' || name === 'bit') && length === null) length = 1;
  return { type: { name, length, precision, scale, arrayDimensions }, serial: SERIAL_SPELLINGS.has(spelled) };
}

/**
 * Lower case outside double quotes, quotes dropped: PostgreSQL folds an unquoted name and keeps a
 * quoted one, so Prisma's `"WorkspaceType"` (what format_type prints for it) stays mixed-case while
 * `WorkspaceType` unquoted is the type `workspacetype`.
 */
function foldTypeText(text: string): string {
  return text.replace(/"((?:[^"]|"")*)"|[^"]+/g, (part, quoted: string | undefined) =>
    quoted === undefined ? part.toLowerCase() : quoted.replace(/""/g, '"'),
  );
}

const FOLDED_NAME = /^[a-z_][a-z0-9_$]*$/;

/** One part of a type name as SQL: quoted when folding would change it (`"WorkspaceType"`), else as is. */
export function spellTypeNamePart(part: string): string {
  return FOLDED_NAME.test(part) ? part : `"${part.replace(/"/g, '""')}"`;
}

/** A custom type's name as SQL: each dotted part spelled by spellTypeNamePart (`public."WorkspaceType"`). */
function spellTypeName(name: string): string {
  if (FOLDED_NAME.test(name) || ALIASES.has(name) || name.includes('(')) return name;
  return name.split('.').map(spellTypeNamePart).join('.');
}

/** The type as PostgreSQL DDL spells it. MySQL-only integer widths become the PostgreSQL type that holds them. */
export function renderColumnType(type: ColumnType): string {
  return spell(type, type.name === 'tinyint' ? 'smallint' : type.name === 'mediumint' ? 'integer' : type.name);
}

/** The type by its canonical name, for messages: `varchar(255)`, `tinyint`. */
export function describeColumnType(type: ColumnType): string {
  return spell(type, type.name);
}

function spell(type: ColumnType, base: string): string {
  let sql = spellTypeName(base);
  if (LENGTH_TYPES.has(type.name) && type.length !== null) sql = `${base}(${type.length})`;
  else if (type.name === 'numeric' && type.precision !== null) sql = `numeric(${type.precision},${type.scale ?? 0})`;
  else if (TIME_PRECISION_TYPES.has(type.name) && type.precision !== null) {
    sql = type.name === 'timestamptz' || type.name === 'timetz' ? `${base.slice(0, -2)}(${type.precision}) with time zone` : `${base}(${type.precision})`;
  }
  return sql + '[]'.repeat(type.arrayDimensions);
}

/** True when the text names a built-in type (`double precision`, `varchar(20)`), not `user_id bigint`. */
export function isBuiltInTypeName(text: string): boolean {
  const base = text
    .toLowerCase()
    .replace(/\([^)]*\)|\[\s*\d*\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ALIASES.has(base) || base === 'float';
}

export function sameColumnType(a: ColumnType, b: ColumnType): boolean {
  return a.name === b.name && a.length === b.length && a.precision === b.precision && a.scale === b.scale && a.arrayDimensions === b.arrayDimensions;
}
