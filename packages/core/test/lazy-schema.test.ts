import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import * as source from '../src/index.js';
import { ConfigSchema, MigrationPlanSchema, MigrationSpecSchema, type MigrationSpec } from '../src/index.js';
import { builtSchema, lazySchema } from '../src/zod/lazy-schema.js';
// The built core, as plugins load it: its document schemas are stand-ins over its own zod copy.
import * as built from '../dist/index.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
const sample = (name: string) => JSON.parse(readFileSync(join(examples, name), 'utf8'));

describe('lazily built schemas', () => {
  it('build nothing until first asked, then once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds++;
      return z.object({ name: z.string().min(1) }).meta({ title: 'Thing', description: 'A named thing.' });
    });
    expect(builds).toBe(0);
    expect(schema.safeParse({ name: 'x' }).success).toBe(true);
    expect(schema.safeParse({ name: '' }).success).toBe(false);
    expect(Object.keys(schema.shape)).toEqual(['name']);
    expect(builds).toBe(1);
  });

  it('are zod schemas to zod: instanceof, nesting, wrapping, metadata and JSON Schema', () => {
    const eager = () => z.object({ id: z.string(), hours: z.number().nonnegative().optional() }).meta({ title: 'Phase', description: 'One phase.' });
    const lazy = lazySchema(eager);
    expect(lazy).toBeInstanceOf(z.ZodObject);
    expect(lazy).toBeInstanceOf(z.ZodType);
    expect(z.globalRegistry.get(lazy)).toEqual({ title: 'Phase', description: 'One phase.' });
    expect(lazy.description).toBe('One phase.');
    // Used inside another schema, wrapped, extended: the same documents as the eager schema.
    const inList = (s: z.ZodType) => z.object({ phases: z.array(s).min(1), first: s.optional() });
    expect(z.toJSONSchema(inList(lazy))).toEqual(z.toJSONSchema(inList(eager())));
    expect(z.toJSONSchema(lazy)).toEqual(z.toJSONSchema(eager()));
    expect(z.toJSONSchema(lazy.extend({ extra: z.boolean() }))).toEqual(z.toJSONSchema(eager().extend({ extra: z.boolean() })));
    const bad = inList(lazy).safeParse({ phases: [{ id: 'a', hours: -1 }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['phases', 0, 'hours']);
  });

  it("are core's to plugins too: the built core exports lazySchema, over its own zod", () => {
    let builds = 0;
    const field = built.lazySchema(() => {
      builds++;
      return built.z.array(built.z.string().min(1)).meta({ description: 'Crates to move.' });
    });
    const type = built.z.looseObject({ crates: field.optional() });
    expect(builds).toBe(1); // `.optional()` is asked of the real schema
    expect(type.safeParse({ crates: ['a'] }).success).toBe(true);
    expect(type.safeParse({ crates: [''] }).error?.issues[0]?.path).toEqual(['crates', 0]);
  });

  it('give their real schema to builtSchema, for schemas built from them', () => {
    const plain = z.string().min(1);
    const lazy = lazySchema(() => plain);
    expect(builtSchema(plain)).toBe(plain);
    expect(builtSchema(lazy)).toBe(plain);
    expect(builtSchema(lazy)).not.toBe(lazy);
    expect(z.array(builtSchema(lazy)).safeParse(['a', '']).error?.issues[0]?.path).toEqual([1]);
  });

  it("keep core's exported types (z.infer) and API", () => {
    expectTypeOf<z.infer<typeof MigrationSpecSchema>>().toEqualTypeOf<MigrationSpec>();
    expectTypeOf(MigrationSpecSchema.shape.type).toExtend<z.ZodString>();
    expect(Object.keys(MigrationSpecSchema.shape.constraints.unwrap().shape)).toContain('max_downtime_minutes');
    expect(ConfigSchema.extend({ extra: z.string().optional() }).safeParse({ extra: 'x' }).success).toBe(true);
  });
});

describe("core's document schemas, built on first use", () => {
  it.each([
    ['source', source],
    ['built', built],
  ] as const)('accept the bundled samples and reject what they rejected (%s core)', (_name, core) => {
    for (const file of ['sample_database_migration.json', 'sample_service_migration.json']) {
      expect(core.MigrationSpecSchema.safeParse(sample(file)).success).toBe(true);
    }
    const missing = core.MigrationSpecSchema.safeParse({ type: 'database', source: 'a' });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => i.path.join('.'))).toEqual(['target']);
    const badWindow = core.MigrationSpecSchema.safeParse({
      type: 'database',
      source: 'a',
      target: 'b',
      business_continuity: { preferred_migration_window: { start: '25:00', end: '02:00' } },
    });
    expect(badWindow.error!.issues[0]!.path).toEqual(['business_continuity', 'preferred_migration_window', 'start']);
    expect(badWindow.error!.issues[0]!.message).toBe('expected a time of day as HH:MM (24-hour clock)');
    expect(core.MigrationPlanSchema.safeParse({}).success).toBe(false);
  });

  it('give the published JSON Schemas, through the stand-in and through documentJsonSchema alike', () => {
    for (const [name, schema, io] of [
      ['spec', MigrationSpecSchema, 'input'],
      ['plan', MigrationPlanSchema, 'output'],
      ['config', ConfigSchema, 'input'],
    ] as const) {
      const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', `${name}.schema.json`), 'utf8'));
      expect(z.toJSONSchema(schema, { io, unrepresentable: 'any' })).toEqual(committed);
      expect(built.z.toJSONSchema(built.DOCUMENT_SCHEMAS[name].schema, { io, unrepresentable: 'any' })).toEqual(committed);
    }
  });
});
