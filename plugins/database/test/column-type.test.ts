import { describe, expect, it } from 'vitest';
import { parseColumnType, renderColumnType } from '../src/index.js';
import { describeColumnType, sameColumnType } from '../src/schema/column-type.js';

const type = (text: string, attributes = {}) => parseColumnType(text, attributes).type;

describe('column types', () => {
  it.each([
    ['int', 'integer'],
    ['INTEGER', 'integer'],
    ['int4', 'integer'],
    ['int8', 'bigint'],
    ['int2', 'smallint'],
    ['character varying', 'varchar'],
    ['bool', 'boolean'],
    ['decimal', 'numeric'],
    ['datetime', 'timestamp'],
    ['timestamp without time zone', 'timestamp'],
    ['timestamp with time zone', 'timestamptz'],
    ['double', 'double precision'],
    ['float8', 'double precision'],
    ['float', 'double precision'],
    ['float(10)', 'real'],
    ['float4', 'real'],
    ['bpchar', 'char'],
    ['longtext', 'text'],
    ['blob', 'bytea'],
    ['my_enum', 'my_enum'],
  ])('%s is %s', (text, name) => {
    expect(type(text).name).toBe(name);
  });

  it('reads modifiers from the text and from separate attributes (attributes win)', () => {
    expect(type('varchar(255)')).toMatchObject({ name: 'varchar', length: 255 });
    expect(type('varchar', { length: 50 })).toMatchObject({ name: 'varchar', length: 50 });
    expect(type('varchar(10)', { length: 20 })).toMatchObject({ length: 20 });
    expect(type('numeric(10, 2)')).toMatchObject({ name: 'numeric', precision: 10, scale: 2 });
    expect(type('numeric(10)')).toMatchObject({ precision: 10, scale: 0 });
    expect(type('timestamp(3) with time zone')).toMatchObject({ name: 'timestamptz', precision: 3 });
    expect(type('char')).toMatchObject({ name: 'char', length: 1 });
    expect(type('int(11)')).toMatchObject({ name: 'integer', length: null, precision: null });
    expect(type('integer[]')).toMatchObject({ name: 'integer', arrayDimensions: 1 });
    expect(type('text[][]').arrayDimensions).toBe(2);
    expect(type('geometry(Point, 4326)').name).toBe('geometry(point,4326)');
  });

  it('marks serial spellings', () => {
    expect(parseColumnType('bigserial')).toEqual({ type: expect.objectContaining({ name: 'bigint' }), serial: true });
    expect(parseColumnType('bigint').serial).toBe(false);
  });

  it('renders PostgreSQL DDL spellings', () => {
    expect(renderColumnType(type('varchar', { length: 320 }))).toBe('varchar(320)');
    expect(renderColumnType(type('decimal(12,4)'))).toBe('numeric(12,4)');
    expect(renderColumnType(type('timestamptz(3)'))).toBe('timestamp(3) with time zone');
    expect(renderColumnType(type('tinyint'))).toBe('smallint');
    expect(describeColumnType(type('tinyint'))).toBe('tinyint');
    expect(renderColumnType(type('int[]'))).toBe('integer[]');
  });

  it('treats spellings of one type as the same type', () => {
    expect(sameColumnType(type('int4'), type('INTEGER'))).toBe(true);
    expect(sameColumnType(type('character varying(20)'), type('varchar', { length: 20 }))).toBe(true);
    expect(sameColumnType(type('varchar(20)'), type('varchar(21)'))).toBe(false);
  });
});
