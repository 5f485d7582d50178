import { describe, expect, it } from 'vitest';
import { parseColumnType } from '../src/index.js';
import { isVolatileDefault, parseDefault } from '../src/schema/default-value.js';
import { renderDefault } from '../src/sql/column-definition.js';

const parse = (raw: string | number | boolean | null, type = 'text') => parseDefault(raw, parseColumnType(type).type);
const render = (raw: string | number | boolean, type = 'text') => renderDefault(parse(raw, type).default!);

describe('column defaults', () => {
  it('renders constants as SQL literals and SQL as written', () => {
    expect(render(true, 'boolean')).toBe('TRUE');
    expect(render(false, 'boolean')).toBe('FALSE');
    expect(render('false', 'boolean')).toBe('FALSE');
    expect(render(0, 'integer')).toBe('0');
    expect(render('42', 'integer')).toBe('42');
    expect(render('12345678901234567890', 'numeric')).toBe('12345678901234567890');
    expect(render('web')).toBe("'web'");
    expect(render("it's")).toBe("'it''s'");
    expect(render('42', 'varchar')).toBe("'42'");
    expect(render('CURRENT_TIMESTAMP', 'timestamp')).toBe('CURRENT_TIMESTAMP');
    expect(render('now()', 'timestamptz')).toBe('now()');
    expect(render("nextval('users_id_seq'::regclass)", 'bigint')).toBe("nextval('users_id_seq'::regclass)");
    expect(render("'{}'::jsonb", 'jsonb')).toBe("'{}'");
  });

  it("reads PostgreSQL's catalog form of constants as the constant", () => {
    expect(parse("'web'::character varying").default).toEqual({ kind: 'literal', value: 'web' });
    expect(parse("'it''s'::text").default).toEqual({ kind: 'literal', value: "it's" });
    // An enum of another schema, as the catalog prints it.
    expect(parse("'at_least_once'::convoy.delivery_mode").default).toEqual({ kind: 'literal', value: 'at_least_once' });
    expect(parse(`'paid'::"Billing"."Plan"`).default).toEqual({ kind: 'literal', value: 'paid' });
  });

  it("splits MySQL's ON UPDATE off the default", () => {
    expect(parse('CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP', 'timestamp')).toEqual({
      default: { kind: 'expression', sql: 'CURRENT_TIMESTAMP' },
      onUpdate: 'CURRENT_TIMESTAMP',
    });
    expect(parse('click on update button').default).toEqual({ kind: 'literal', value: 'click on update button' });
  });

  it('treats null as no default', () => {
    expect(parse(null)).toEqual({ default: null, onUpdate: null });
  });

  it('knows which defaults are evaluated per row', () => {
    expect(isVolatileDefault(parse('gen_random_uuid()', 'uuid').default)).toBe(true);
    expect(isVolatileDefault(parse('clock_timestamp()', 'timestamptz').default)).toBe(true);
    expect(isVolatileDefault(parse('now()', 'timestamptz').default)).toBe(false);
    expect(isVolatileDefault(parse('CURRENT_TIMESTAMP', 'timestamptz').default)).toBe(false);
    expect(isVolatileDefault(parse('random', 'text').default)).toBe(false);
  });
});
