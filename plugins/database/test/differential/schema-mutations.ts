import fc from 'fast-check';

/**
 * Random, valid DDL for the differential test. A mutation is a kind and a few numbers; it becomes
 * SQL against the database as it stands when it is applied (the tables, columns, types, functions
 * the earlier mutations left), so it always names objects that exist. A statement PostgreSQL
 * refuses (a column a view still uses, a key a foreign key references, data a new constraint does
 * not fit) makes the mutation "not applicable": it is left out, and only the mutations that ran
 * make the after schema.
 */
export interface Mutation {
  kind: MutationKind;
  picks: number[];
}

export interface CatalogColumn {
  name: string;
  type: string;
  notnull: boolean;
  has_default: boolean;
  in_key: boolean;
}

export interface CatalogTable {
  name: string;
  partitioned: boolean;
  partition_of: string | null;
  primary_key: string | null;
  key_columns: string[];
  columns: CatalogColumn[];
}

/** What the mutations may name: schema `public` as it stands. */
export interface Catalog {
  tables: CatalogTable[];
  enums: string[];
  domains: string[];
  functions: { signature: string; trigger: boolean }[];
  indexes: string[];
  constraints: { table: string; name: string }[];
  views: { name: string; materialized: boolean }[];
  triggers: { table: string; name: string }[];
}

/** One query for the catalog above, as JSON. */
export const CATALOG_QUERY = `
WITH rel AS (
  SELECT c.oid, c.relname, c.relkind, c.relispartition FROM pg_class c
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
)
SELECT json_build_object(
  'tables', coalesce((SELECT json_agg(json_build_object(
      'name', r.relname, 'partitioned', r.relkind = 'p',
      'partition_of', (SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = r.oid AND r.relispartition),
      'primary_key', (SELECT conname FROM pg_constraint WHERE conrelid = r.oid AND contype = 'p'),
      'key_columns', coalesce((SELECT json_agg(a.attname ORDER BY a.attnum) FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) WHERE k.conrelid = r.oid AND k.contype = 'p'), '[]'),
      'columns', coalesce((SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'notnull', a.attnotnull, 'has_default', a.atthasdef,
                'in_key', EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = r.oid AND k.contype = 'p' AND a.attnum = ANY (k.conkey))) ORDER BY a.attnum)
                FROM pg_attribute a WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' AND a.attidentity = ''), '[]')
    ) ORDER BY r.relname) FROM rel r WHERE r.relkind IN ('r', 'p')), '[]'),
  'enums', coalesce((SELECT json_agg(t.typname ORDER BY t.typname) FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype = 'e'), '[]'),
  'domains', coalesce((SELECT json_agg(t.typname ORDER BY t.typname) FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype = 'd'), '[]'),
  'functions', coalesce((SELECT json_agg(json_build_object('signature', p.oid::regprocedure::text, 'trigger', p.prorettype = 'trigger'::regtype) ORDER BY p.oid::regprocedure::text)
      FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')), '[]'),
  'indexes', coalesce((SELECT json_agg(c.relname ORDER BY c.relname) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN rel r ON r.oid = i.indrelid
      WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)), '[]'),
  'constraints', coalesce((SELECT json_agg(json_build_object('table', r.relname, 'name', k.conname) ORDER BY r.relname, k.conname) FROM pg_constraint k JOIN rel r ON r.oid = k.conrelid
      WHERE k.contype IN ('u', 'c', 'f', 'x') AND NOT r.relispartition), '[]'),
  'views', coalesce((SELECT json_agg(json_build_object('name', r.relname, 'materialized', r.relkind = 'm') ORDER BY r.relname) FROM rel r WHERE r.relkind IN ('v', 'm')), '[]'),
  'triggers', coalesce((SELECT json_agg(json_build_object('table', r.relname, 'name', t.tgname) ORDER BY r.relname, t.tgname) FROM pg_trigger t JOIN rel r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal), '[]')
) AS catalog`;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const at = <T>(list: readonly T[], n: number | undefined): T | undefined => (list.length ? list[(n ?? 0) % list.length] : undefined);
const oneOf = (options: readonly string[], n: number | undefined) => options[(n ?? 0) % options.length]!;
const texty = (type: string) => /^(text|character varying)/.test(type);
const numeric = (type: string) => /^(integer|bigint|smallint|numeric)/.test(type);

/** Tables that may be altered on their own: not a partition (those follow their parent). */
const plain = (catalog: Catalog) => catalog.tables.filter((t) => !t.partition_of);
const withColumns = (catalog: Catalog) => plain(catalog).filter((t) => t.columns.length > 0);

/** A wider type the column can take, or a narrower one with a cast, or one that needs an explicit USING. */
function typeChange(column: CatalogColumn, variant: number): string | null {
  const c = q(column.name);
  const varchar = /^character varying\((\d+)\)$/.exec(column.type);
  const decimal = /^numeric\((\d+),(\d+)\)$/.exec(column.type);
  const options: string[] = [`TYPE text`];
  if (column.type === 'integer') options.push('TYPE bigint', `TYPE smallint USING ${c}::smallint`, `TYPE numeric(12,2)`);
  if (column.type === 'bigint') options.push(`TYPE integer USING ${c}::integer`, 'TYPE numeric');
  if (column.type === 'smallint') options.push('TYPE integer');
  if (varchar) options.push(`TYPE varchar(${Number(varchar[1]) + 40})`, `TYPE varchar(${Math.max(1, Number(varchar[1]) - 10)})`);
  if (decimal) options.push(`TYPE numeric(${Number(decimal[1]) + 4},${decimal[2]})`, `TYPE double precision`);
  if (column.type === 'text') options.push('TYPE varchar(200)', `TYPE integer USING nullif(${c}, '')::integer`, `TYPE jsonb USING to_jsonb(${c})`);
  if (column.type.startsWith('timestamp without')) options.push('TYPE timestamptz');
  if (column.type === 'date') options.push('TYPE timestamp');
  if (column.type === 'boolean') options.push(`TYPE integer USING ${c}::integer`);
  const chosen = at(options, variant);
  return chosen ? `ALTER COLUMN ${c} ${chosen}` : null;
}

function defaultFor(column: CatalogColumn, variant: number, k: number): string[] | null {
  const c = q(column.name);
  if (texty(column.type)) return [`ALTER COLUMN ${c} SET DEFAULT ${oneOf([`'n/a'`, `upper('n/a')`, `md5(random()::text)`], variant)}`];
  if (numeric(column.type)) {
    if (variant % 2 === 0) return [`ALTER COLUMN ${c} SET DEFAULT 7`];
    return [`CREATE SEQUENCE m${k}_seq`, `ALTER COLUMN ${c} SET DEFAULT nextval('m${k}_seq')`];
  }
  if (/^timestamp/.test(column.type)) return [`ALTER COLUMN ${c} SET DEFAULT ${oneOf(['now()', "(now() + '1 day'::interval)", 'CURRENT_TIMESTAMP'], variant)}`];
  if (column.type === 'date') return [`ALTER COLUMN ${c} SET DEFAULT CURRENT_DATE`];
  if (column.type === 'boolean') return [`ALTER COLUMN ${c} SET DEFAULT false`];
  return null;
}

/** SQL for one mutation against `catalog`; `k` makes the names it creates unique. Null when nothing fits. */
const builders = {
  addColumn(catalog, [t, v], k) {
    const table = at(plain(catalog), t);
    if (!table) return null;
    const alter = `ALTER TABLE ${q(table.name)} ADD COLUMN m${k}`;
    const variants = [
      [`${alter} text`],
      [`${alter} integer NOT NULL DEFAULT 0`],
      [`${alter} timestamptz DEFAULT now()`],
      [`${alter} uuid DEFAULT gen_random_uuid()`],
      [`CREATE SEQUENCE m${k}_seq`, `${alter} bigint DEFAULT nextval('m${k}_seq')`],
      [`${alter} varchar(20) NOT NULL`],
      [`${alter} numeric(8,2) CHECK (m${k} >= 0)`],
      [`${alter} boolean NOT NULL DEFAULT false`],
    ];
    return at(variants, v)!;
  },
  dropColumn(catalog, [t, c]) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    return column ? [`ALTER TABLE ${q(table.name)} DROP COLUMN ${q(column.name)}`] : null;
  },
  renameColumn(catalog, [t, c], k) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    return column ? [`ALTER TABLE ${q(table.name)} RENAME COLUMN ${q(column.name)} TO ${q(`${column.name}_r${k}`)}`] : null;
  },
  changeType(catalog, [t, c, v]) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    const change = column && typeChange(column, v ?? 0);
    return change ? [`ALTER TABLE ${q(table.name)} ${change}`] : null;
  },
  nullability(catalog, [t, c]) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    if (!column || column.in_key) return null;
    return [`ALTER TABLE ${q(table.name)} ALTER COLUMN ${q(column.name)} ${column.notnull ? 'DROP' : 'SET'} NOT NULL`];
  },
  columnDefault(catalog, [t, c, v], k) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    if (!column) return null;
    if (column.has_default && (v ?? 0) % 3 === 0) return [`ALTER TABLE ${q(table.name)} ALTER COLUMN ${q(column.name)} DROP DEFAULT`];
    const sql = defaultFor(column, v ?? 0, k);
    if (!sql) return null;
    return sql.map((s) => (s.startsWith('CREATE') ? s : `ALTER TABLE ${q(table.name)} ${s}`));
  },
  movePrimaryKey(catalog, [t, c, v]) {
    const table = at(
      plain(catalog).filter((x) => x.primary_key && !x.partitioned),
      t,
    );
    const column = table && at(table.columns, c);
    if (!table || !column) return null;
    const columns = (v ?? 0) % 2 === 0 ? [column.name] : [...new Set([...table.key_columns, column.name])];
    return [`ALTER TABLE ${q(table.name)} DROP CONSTRAINT ${q(table.primary_key!)}, ADD PRIMARY KEY (${columns.map(q).join(', ')})`];
  },
  addUnique(catalog, [t, c, v], k) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    if (!column) return null;
    const variants = [
      `UNIQUE (${q(column.name)})`,
      `UNIQUE NULLS NOT DISTINCT (${q(column.name)})`,
      `EXCLUDE USING btree (${q(column.name)} WITH =)`,
      `EXCLUDE USING gist (${q(column.name)} WITH =)`,
    ];
    return [`ALTER TABLE ${q(table.name)} ADD CONSTRAINT m${k}_key ${at(variants, v)}`];
  },
  addCheck(catalog, [t, c, v], k) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    if (!column) return null;
    const condition = numeric(column.type)
      ? `${q(column.name)} >= 0`
      : texty(column.type)
        ? `length(${q(column.name)}) < 500`
        : `${q(column.name)} IS NOT NULL`;
    return [`ALTER TABLE ${q(table.name)} ADD CONSTRAINT m${k}_check CHECK (${condition})${(v ?? 0) % 3 === 2 ? ' NOT VALID' : ''}`];
  },
  dropConstraint(catalog, [n]) {
    const constraint = at(catalog.constraints, n);
    return constraint ? [`ALTER TABLE ${q(constraint.table)} DROP CONSTRAINT ${q(constraint.name)}`] : null;
  },
  addForeignKey(catalog, [t, r, v], k) {
    const table = at(plain(catalog), t);
    const target = at(
      plain(catalog).filter((x) => x.key_columns.length === 1 && !x.partitioned),
      r,
    );
    if (!table || !target) return null;
    const key = target.columns.find((c) => c.name === target.key_columns[0]);
    if (!key) return null;
    const type = key.type === 'integer' || key.type === 'bigint' ? key.type : key.type;
    const action = at(['ON DELETE CASCADE', 'ON DELETE SET NULL', 'ON DELETE RESTRICT', 'ON UPDATE CASCADE', '', 'ON DELETE SET NULL ON UPDATE CASCADE'], v);
    return [`ALTER TABLE ${q(table.name)} ADD COLUMN m${k} ${type} REFERENCES ${q(target.name)} (${q(key.name)}) ${action}`.trim()];
  },
  addIndex(catalog, [t, c, v, d], k) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    if (!table || !column) return null;
    const other = at(table.columns, d) ?? column;
    const on = `ON ${q(table.name)}`;
    const col = q(column.name);
    const opclass = column.type === 'text' ? 'text_pattern_ops' : texty(column.type) ? 'varchar_pattern_ops' : null;
    const variants = [
      [`CREATE INDEX m${k}_idx ${on} (${col})`],
      [`CREATE INDEX m${k}_idx ${on} (lower(${col}::text))`],
      [`CREATE INDEX m${k}_idx ${on} (${col}) WHERE ${col} IS NOT NULL`],
      [`CREATE INDEX m${k}_idx ${on} (${col}) INCLUDE (${q(other.name)})`],
      [`CREATE UNIQUE INDEX m${k}_idx ${on} (${col}, ${q(other.name)})`],
      opclass ? [`CREATE INDEX m${k}_idx ${on} (${col} ${opclass})`] : [`CREATE INDEX m${k}_idx ${on} (${col} DESC NULLS LAST)`],
      [
        `CREATE FUNCTION m${k}_key(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(v) $$`,
        `CREATE INDEX m${k}_idx ${on} (m${k}_key(${col}::text))`,
      ],
      [`CREATE INDEX m${k}_idx ${on} USING hash (${col})`],
      [`CREATE EXTENSION IF NOT EXISTS pg_trgm`, `CREATE INDEX m${k}_idx ${on} USING gin ((${col}::text) gin_trgm_ops)`],
    ];
    return at(variants, v)!;
  },
  dropIndex(catalog, [n]) {
    const index = at(catalog.indexes, n);
    return index ? [`DROP INDEX ${q(index)}`] : null;
  },
  addView(catalog, [t, c, v], k) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    if (!table || !column) return null;
    if ((v ?? 0) % 2 === 0) return [`CREATE VIEW m${k}_v AS SELECT ${q(column.name)} FROM ${q(table.name)} WHERE ${q(column.name)} IS NOT NULL`];
    return [
      `CREATE MATERIALIZED VIEW m${k}_mv AS SELECT ${q(column.name)} AS value, count(*) AS n FROM ${q(table.name)} GROUP BY 1`,
      `CREATE UNIQUE INDEX m${k}_mv_value ON m${k}_mv (value)`,
    ];
  },
  dropView(catalog, [n]) {
    const view = at(catalog.views, n);
    return view ? [`DROP ${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${q(view.name)}`] : null;
  },
  addFunction(_catalog, [v, l], k) {
    const volatility = oneOf(['IMMUTABLE', 'STABLE', 'VOLATILE'], v);
    if ((l ?? 0) % 2 === 0) return [`CREATE FUNCTION m${k}_f(a integer) RETURNS integer LANGUAGE sql ${volatility} AS $$ SELECT a + 1 $$`];
    return [`CREATE FUNCTION m${k}_f(a text) RETURNS text LANGUAGE plpgsql ${volatility} AS $$ BEGIN RETURN upper(a); END $$`];
  },
  alterFunction(catalog, [n, v]) {
    const routine = at(
      catalog.functions.filter((f) => !f.trigger),
      n,
    );
    return routine ? [`ALTER FUNCTION ${routine.signature} ${oneOf(['IMMUTABLE', 'STABLE', 'VOLATILE'], v)}`] : null;
  },
  dropFunction(catalog, [n]) {
    const routine = at(catalog.functions, n);
    return routine ? [`DROP FUNCTION ${routine.signature}`] : null;
  },
  addTrigger(catalog, [t, c, v], k) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    if (!table || !column) return null;
    const existing = catalog.functions.find((f) => f.trigger && !f.signature.startsWith('touch'));
    const fn = existing && (v ?? 0) % 2 === 1 ? existing.signature.replace(/\(.*$/, '') : `m${k}_tg`;
    const create = fn === `m${k}_tg` ? [`CREATE FUNCTION m${k}_tg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`] : [];
    const timing = oneOf(
      [
        `BEFORE INSERT OR UPDATE ON ${q(table.name)} FOR EACH ROW`,
        `BEFORE UPDATE OF ${q(column.name)} ON ${q(table.name)} FOR EACH ROW WHEN (OLD.${q(column.name)} IS DISTINCT FROM NEW.${q(column.name)})`,
        `AFTER DELETE ON ${q(table.name)} FOR EACH STATEMENT`,
      ],
      v,
    );
    return [...create, `CREATE TRIGGER m${k}_tr ${timing} EXECUTE FUNCTION ${fn}()`];
  },
  dropTrigger(catalog, [n]) {
    const trigger = at(catalog.triggers, n);
    return trigger ? [`DROP TRIGGER ${q(trigger.name)} ON ${q(trigger.table)}`] : null;
  },
  enumChange(catalog, [n, v, t], k) {
    const type = at(catalog.enums, n);
    const table = at(plain(catalog), t);
    switch ((v ?? 0) % 4) {
      case 0:
        return type ? [`ALTER TYPE ${q(type)} ADD VALUE 'm${k}'`] : null;
      case 1:
        return table ? [`CREATE TYPE m${k}_e AS ENUM ('low', 'high')`, `ALTER TABLE ${q(table.name)} ADD COLUMN m${k} m${k}_e DEFAULT 'low'`] : null;
      case 2:
        return type ? [`DROP TYPE ${q(type)}`] : null;
      default:
        return type ? [`ALTER TYPE ${q(type)} ADD VALUE 'm${k}' BEFORE 'open'`] : null;
    }
  },
  domainChange(catalog, [n, v, t], k) {
    const domain = at(catalog.domains, n);
    const table = at(plain(catalog), t);
    const alter = domain && `ALTER DOMAIN ${q(domain)}`;
    switch ((v ?? 0) % 10) {
      case 0:
        return table ? [`CREATE DOMAIN m${k}_d AS integer CHECK (VALUE > 0)`, `ALTER TABLE ${q(table.name)} ADD COLUMN m${k} m${k}_d`] : null;
      case 1:
        return alter ? [`${alter} ADD CONSTRAINT m${k}_check CHECK (VALUE IS NOT NULL)`] : null;
      case 2:
        return domain ? [`DROP DOMAIN ${q(domain)}`] : null;
      case 3:
        return alter ? [`${alter} ADD CONSTRAINT m${k}_check CHECK (VALUE IS NOT NULL) NOT VALID`] : null;
      case 4:
        return alter ? [`${alter} SET NOT NULL`] : null;
      case 5:
        return alter ? [`${alter} DROP NOT NULL`] : null;
      case 6:
        return alter ? [`${alter} DROP DEFAULT`] : null;
      case 7:
        // A domain whose checks and default are written the ways a catalog prints them differently.
        return table
          ? [
              `CREATE DOMAIN m${k}_code AS varchar(20) COLLATE "C" DEFAULT 'none' NOT NULL CHECK (VALUE LIKE '%_%') CHECK (VALUE IN ('none', 'a_b', 'c_d'))`,
              `ALTER TABLE ${q(table.name)} ADD COLUMN m${k} m${k}_code`,
            ]
          : null;
      case 8:
        return domain ? [`ALTER DOMAIN ${q(domain)} RENAME TO ${q(`${domain}_r${k}`)}`] : null;
      default:
        return domain ? [`DROP DOMAIN ${q(domain)} CASCADE`] : null;
    }
  },
  addExclusion(catalog, [t, c, v, d], k) {
    const table = at(withColumns(catalog), t);
    const column = table && at(table.columns, c);
    const other = table && at(table.columns, d);
    if (!table || !column || !other) return null;
    const a = q(column.name);
    const b = q(other.name);
    const variants = [
      [`ALTER TABLE ${q(table.name)} ADD CONSTRAINT m${k}_excl EXCLUDE USING btree (${a} WITH =)`],
      [`ALTER TABLE ${q(table.name)} ADD EXCLUDE USING btree (${a} WITH =, ${b} WITH =) WHERE (${a} IS NOT NULL)`],
      [`CREATE EXTENSION IF NOT EXISTS btree_gist`, `ALTER TABLE ${q(table.name)} ADD CONSTRAINT m${k}_excl EXCLUDE USING gist (${a} WITH =)`],
      [
        `CREATE EXTENSION IF NOT EXISTS btree_gist`,
        `ALTER TABLE ${q(table.name)} ADD CONSTRAINT m${k}_excl EXCLUDE USING gist (${a} WITH <>, ${b} WITH =) DEFERRABLE`,
      ],
      [`ALTER TABLE ${q(table.name)} ADD CONSTRAINT m${k}_excl EXCLUDE USING btree (${a} WITH =) DEFERRABLE INITIALLY DEFERRED`],
    ];
    return at(variants, v)!;
  },
  partitionChange(catalog, [n, v], k) {
    const parent = at(
      catalog.tables.filter((t) => t.partitioned),
      n,
    );
    const child = at(
      catalog.tables.filter((t) => t.partition_of),
      n,
    );
    switch ((v ?? 0) % 3) {
      case 0:
        return parent ? [`CREATE TABLE m${k}_default PARTITION OF ${q(parent.name)} DEFAULT`] : null;
      case 1:
        return child ? [`ALTER TABLE ${child.partition_of} DETACH PARTITION ${q(child.name)}`] : null;
      default:
        return [
          `CREATE TABLE m${k}_log (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)`,
          `CREATE TABLE m${k}_log_2025 PARTITION OF m${k}_log FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`,
        ];
    }
  },
  comment(catalog, [t, c, v], k) {
    const table = at(plain(catalog), t);
    const column = table && at(table.columns, c);
    if (!table) return null;
    switch ((v ?? 0) % 3) {
      case 0:
        return [`COMMENT ON TABLE ${q(table.name)} IS 'note ${k}'`];
      case 1:
        return column ? [`COMMENT ON COLUMN ${q(table.name)}.${q(column.name)} IS 'note ${k}'`] : null;
      default:
        return [`COMMENT ON TABLE ${q(table.name)} IS NULL`];
    }
  },
  extension(catalog, [t, v], k) {
    const table = at(plain(catalog), t);
    if (!table) return null;
    if ((v ?? 0) % 2 === 0) return [`CREATE EXTENSION IF NOT EXISTS citext`, `ALTER TABLE ${q(table.name)} ADD COLUMN m${k} citext`];
    return [`CREATE EXTENSION IF NOT EXISTS hstore`, `ALTER TABLE ${q(table.name)} ADD COLUMN m${k} hstore`];
  },
  addTable(catalog, [r, v], k) {
    const target = at(
      plain(catalog).filter((x) => x.key_columns.length === 1 && !x.partitioned),
      r,
    );
    const key = target?.columns.find((c) => c.name === target.key_columns[0]);
    const reference = target && key ? `, ref ${key.type} REFERENCES ${q(target.name)} (${q(key.name)}) ON DELETE CASCADE` : '';
    const id = (v ?? 0) % 2 === 0 ? 'id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY' : 'id serial PRIMARY KEY';
    return [`CREATE TABLE m${k}_t (${id}, label text NOT NULL DEFAULT ''${reference})`];
  },
  dropTable(catalog, [t]) {
    const table = at(plain(catalog), t);
    return table ? [`DROP TABLE ${q(table.name)}`] : null;
  },
  renameTable(catalog, [t], k) {
    const table = at(plain(catalog), t);
    return table ? [`ALTER TABLE ${q(table.name)} RENAME TO ${q(`${table.name}_r${k}`)}`] : null;
  },
} satisfies Record<string, (catalog: Catalog, picks: number[], k: number) => string[] | null>;

export type MutationKind = keyof typeof builders;
export const mutationKinds = Object.keys(builders) as MutationKind[];

export function mutationSql(mutation: Mutation, catalog: Catalog, k: number): string[] | null {
  return builders[mutation.kind](catalog, mutation.picks, k);
}

/** A mutation of any of `kinds`: the numbers pick the table, column and variant. */
export function mutationArbitrary(kinds: readonly MutationKind[] = mutationKinds): fc.Arbitrary<Mutation> {
  return fc.record({ kind: fc.constantFrom(...kinds), picks: fc.array(fc.nat(40), { minLength: 4, maxLength: 4 }) });
}
