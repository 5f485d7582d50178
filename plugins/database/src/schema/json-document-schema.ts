import { z, builtSchema, lazySchema } from '@migration-architect/core';

/**
 * The seed's `--type database` JSON format, validated leniently as the seed read it: every
 * section may be missing, unknown keys are kept, and a few shorthand forms are accepted
 * (a unique constraint as one column name, a foreign key's `references` as `users(id)`).
 */

const Name = lazySchema(() => z.string().trim().min(1, 'expected a non-empty name'));
const ColumnList = lazySchema(() => z.array(builtSchema(Name)).min(1, 'expected at least one column'));
const ColumnListOrOne = lazySchema(() =>
  z.union([Name.transform((c) => [c]), builtSchema(ColumnList)], { error: 'expected a column name or a list of column names' }),
);
const Size = lazySchema(() => z.number().int('expected a whole number').positive('expected a number above 0'));

export const JsonColumnSchema = lazySchema(() =>
  z.looseObject({
    type: z.string().trim().min(1, 'expected a type name such as "varchar" or "bigint"'),
    length: Size.nullish(),
    precision: Size.nullish(),
    scale: z.number().int('expected a whole number').nonnegative().nullish(),
    nullable: z.boolean().optional(),
    default: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    primary_key: z.boolean().optional(),
    unique: z.boolean().optional(),
    auto_increment: z.boolean().optional(),
    identity: z.enum(['always', 'by_default']).optional(),
    comment: z.string().nullish(),
  }),
);

const REFERENCE = /^\s*((?:[^\s().]+\.)?[^\s().]+)\s*\(\s*([^()]+?)\s*\)\s*$/;

const ReferenceSchema = lazySchema(() =>
  z.union(
    [
      z
        .string()
        .regex(REFERENCE, 'expected "table(column, ...)"')
        .transform((text) => {
          const [, table, columns] = REFERENCE.exec(text)!;
          return { table: table!, columns: columns!.split(',').map((c) => c.trim()) };
        }),
      z.looseObject({ table: builtSchema(Name), columns: builtSchema(ColumnListOrOne) }),
    ],
    { error: 'expected "table(column, ...)" or { "table": ..., "columns": [...] }' },
  ),
);

const ReferentialActionSchema = lazySchema(() =>
  z
    .string()
    .trim()
    .transform((a) => a.toUpperCase().replace(/[\s_]+/g, ' '))
    .pipe(z.enum(['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'], { error: 'expected CASCADE, RESTRICT, NO ACTION, SET NULL or SET DEFAULT' })),
);

export const JsonForeignKeySchema = lazySchema(() =>
  z.looseObject({
    name: Name.optional(),
    columns: builtSchema(ColumnListOrOne),
    references: builtSchema(ReferenceSchema),
    on_delete: ReferentialActionSchema.optional(),
    on_update: ReferentialActionSchema.optional(),
  }),
);

const JsonCheckSchema = lazySchema(() =>
  z.union(
    [
      z.string().trim().min(1, 'expected a CHECK expression'),
      z.looseObject({ name: Name.optional(), expression: z.string().trim().min(1, 'expected a CHECK expression') }),
    ],
    { error: 'expected a CHECK expression, or { "name": ..., "expression": ... }' },
  ),
);

const JsonUniqueSchema = lazySchema(() =>
  z.union(
    [
      Name.transform((c) => ({ columns: [c] })),
      ColumnList.transform((columns) => ({ columns })),
      z.looseObject({ name: Name.optional(), columns: builtSchema(ColumnListOrOne) }),
    ],
    { error: 'expected a column name, a list of column names, or { "name": ..., "columns": [...] }' },
  ),
);

const JsonPrimaryKeySchema = lazySchema(() =>
  z.union([ColumnListOrOne.transform((columns) => ({ columns })), z.looseObject({ name: Name.optional(), columns: builtSchema(ColumnListOrOne) })]),
);
const PRIMARY_KEY_ERROR = 'expected a list of column names, or { "name": ..., "columns": [...] }';

export const JsonIndexSchema = lazySchema(() =>
  z.looseObject({
    name: Name.optional(),
    columns: builtSchema(ColumnListOrOne),
    unique: z.boolean().optional(),
    where: z.string().trim().min(1).optional(),
    method: Name.optional(),
  }),
);

export const JsonTableSchema = lazySchema(() =>
  z.looseObject({
    columns: z.record(z.string(), builtSchema(JsonColumnSchema)).optional(),
    constraints: z
      .looseObject({
        // The seed writes [] for "no primary key".
        primary_key: z.union([builtSchema(JsonPrimaryKeySchema), z.tuple([]), z.null()], { error: PRIMARY_KEY_ERROR }).optional(),
        unique: z.array(builtSchema(JsonUniqueSchema)).optional(),
        foreign_key: z.array(builtSchema(JsonForeignKeySchema)).optional(),
        check: z.array(builtSchema(JsonCheckSchema)).optional(),
      })
      .optional(),
    indexes: z.array(builtSchema(JsonIndexSchema)).optional(),
  }),
);

export const JsonViewSchema = lazySchema(() =>
  z.looseObject({
    definition: z.string().trim().min(1, "expected the view's SELECT"),
    columns: z.array(builtSchema(Name)).optional(),
    materialized: z.boolean().optional(),
  }),
);

const JsonParameterSchema = lazySchema(() =>
  z.union(
    [
      z.string().trim().min(1, 'expected a parameter such as "user_id bigint"'),
      z.looseObject({
        name: Name.optional(),
        type: builtSchema(Name),
        mode: z.enum(['in', 'out', 'inout', 'variadic', 'IN', 'OUT', 'INOUT', 'VARIADIC']).optional(),
      }),
    ],
    { error: 'expected a parameter such as "user_id bigint", or { "name": ..., "type": ... }' },
  ),
);

export const JsonRoutineSchema = lazySchema(() =>
  z.looseObject({
    name: builtSchema(Name),
    parameters: z.array(builtSchema(JsonParameterSchema)).optional(),
    definition: z.string().optional(),
    returns: Name.optional(),
    language: Name.optional(),
  }),
);

export const JsonDatabaseSchemaDocument = lazySchema(() =>
  z.looseObject({
    tables: z.record(z.string(), builtSchema(JsonTableSchema)).optional(),
    views: z.record(z.string(), builtSchema(JsonViewSchema)).optional(),
    procedures: z.array(builtSchema(JsonRoutineSchema)).optional(),
    functions: z.array(builtSchema(JsonRoutineSchema)).optional(),
  }),
);

export type JsonDatabaseSchema = z.output<typeof JsonDatabaseSchemaDocument>;
export type JsonTable = z.output<typeof JsonTableSchema>;
export type JsonColumn = z.output<typeof JsonColumnSchema>;
export type JsonRoutine = z.output<typeof JsonRoutineSchema>;
