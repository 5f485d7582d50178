import { describe, expect, it } from 'vitest';
import {
  checkCompatibility,
  CompatibilityReportSchema,
  createRegistry,
  exitCodeForReport,
  fixedClock,
  InputDataError,
  UnclassifiedChangeError,
  type CompatibilityRequest,
  type InMemorySchema,
} from '../src/index.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

const clock = fixedClock(new Date(0));
const registry = createRegistry([toyPlugin()]);
const input = (fields: Record<string, string>, name = 'schema.json') => ({ document: { fields }, name });
const check = (before: InMemorySchema, after: InMemorySchema, options: Omit<CompatibilityRequest, 'before' | 'after'> = {}, on = registry) =>
  checkCompatibility(on, { type: 'kv', before, after, clock, ...options });

describe('compatibility engine', async () => {
  it('classifies every change, counts every severity and derives the overall verdict', async () => {
    const report = await check(input({ a: 'int', b: 'int', c: 'string' }), input({ a: 'long', b: 'string', d: 'x' }));
    expect(CompatibilityReportSchema.parse(report)).toEqual(report);
    expect(report.issues.map((i) => [i.rule, i.severity])).toEqual([
      ['toy/field-widened', 'non_breaking'],
      ['toy/field-retyped', 'potentially_breaking'],
      ['toy/field-removed', 'breaking'],
      ['toy/field-added', 'additive'],
    ]);
    expect(report).toMatchObject({
      breaking_changes_count: 1,
      potentially_breaking_count: 1,
      non_breaking_changes_count: 1,
      additive_changes_count: 1,
      overall_compatibility: 'breaking_changes',
    });
    expect(report.migration_scripts).toHaveLength(1);
    expect(report.issues.map((i) => i.migration_script_index)).toEqual([null, 0, null, null]);
    expect(report.risk_assessment.testing_requirements).toContain('data_migration_testing');
    expect(exitCodeForReport(report)).toBe(2);
  });

  it('reports additive-only changes as backward compatible with exit 0, and no change as fully compatible', async () => {
    const additive = await check(input({}), input({ x: 'int' }));
    expect(additive.overall_compatibility).toBe('backward_compatible');
    expect(exitCodeForReport(additive)).toBe(0);
    const same = await check(input({ x: 'int' }), input({ x: 'int' }));
    expect(same.overall_compatibility).toBe('fully_compatible');
  });

  it('exits 1 when the worst change is potentially breaking', async () => {
    const report = await check(input({ a: 'int' }), input({ a: 'string' }));
    expect(exitCodeForReport(report)).toBe(1);
  });

  it('applies a --fail-on threshold', async () => {
    const risky = await check(input({ a: 'int' }), input({ a: 'string' }));
    const additive = await check(input({}), input({ x: 'int' }));
    expect([
      exitCodeForReport(risky, 'breaking'),
      exitCodeForReport(risky, 'none'),
      exitCodeForReport(additive, 'additive'),
      exitCodeForReport(additive, 'non_breaking'),
    ]).toEqual([0, 0, 1, 0]);
  });

  it('applies rule overrides and turns rules off', async () => {
    const report = await check(input({ a: 'int', c: 'x' }), input({ a: 'string' }), {
      ruleOverrides: { 'toy/field-retyped': 'breaking', 'toy/field-removed': 'off' },
    });
    expect(report.issues.map((i) => [i.rule, i.severity])).toEqual([['toy/field-retyped', 'breaking']]);
  });

  it('names the file of a schema the checker rejects', async () => {
    const error = await check(input({}), { document: { fields: [] }, name: 'after.json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputDataError);
    expect((error as InputDataError).describe()).toBe('after.json: fields: expected an object of field types');
  });

  it('refuses to drop a change no rule classifies', async () => {
    const plugin = toyPlugin();
    plugin.checkers![0]!.rules = plugin.checkers![0]!.rules.filter((r) => r.id !== 'field-added');
    await expect(check(input({}), input({ x: 'int' }), {}, createRegistry([plugin]))).rejects.toThrowError(UnclassifiedChangeError);
  });

  it('says which checkers exist when asked for an unknown one', async () => {
    await expect(check(input({}), input({}), { type: 'graphql' })).rejects.toThrowError(/available: kv/);
  });
});
