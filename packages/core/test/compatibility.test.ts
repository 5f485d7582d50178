import { describe, expect, it } from 'vitest';
import { checkCompatibility, CompatibilityReportSchema, createRegistry, exitCodeForReport, fixedClock, InputDataError, UnclassifiedChangeError } from '../src/index.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

const clock = fixedClock(new Date(0));
const registry = createRegistry([toyPlugin()]);
const input = (fields: Record<string, string>, file = 'schema.json') => ({ document: { fields }, file });

describe('compatibility engine', () => {
  it('classifies every change, counts every severity and derives the overall verdict', () => {
    const report = checkCompatibility(registry, 'kv', input({ a: 'int', b: 'int', c: 'string' }), input({ a: 'long', b: 'string', d: 'x' }), { clock });
    expect(CompatibilityReportSchema.parse(report)).toEqual(report);
    expect(report.issues.map((i) => [i.rule, i.severity])).toEqual([
      ['toy/field-widened', 'non_breaking'],
      ['toy/field-retyped', 'potentially_breaking'],
      ['toy/field-removed', 'breaking'],
      ['toy/field-added', 'additive'],
    ]);
    expect(report).toMatchObject({ breaking_changes_count: 1, potentially_breaking_count: 1, non_breaking_changes_count: 1, additive_changes_count: 1, overall_compatibility: 'breaking_changes' });
    expect(report.migration_scripts).toHaveLength(1);
    expect(report.issues.map((i) => i.migration_script_index)).toEqual([null, 0, null, null]);
    expect(report.risk_assessment.testing_requirements).toContain('data_migration_testing');
    expect(exitCodeForReport(report)).toBe(2);
  });

  it('reports additive-only changes as backward compatible with exit 0, and no change as fully compatible', () => {
    const additive = checkCompatibility(registry, 'kv', input({}), input({ x: 'int' }), { clock });
    expect(additive.overall_compatibility).toBe('backward_compatible');
    expect(exitCodeForReport(additive)).toBe(0);
    const same = checkCompatibility(registry, 'kv', input({ x: 'int' }), input({ x: 'int' }), { clock });
    expect(same.overall_compatibility).toBe('fully_compatible');
  });

  it('exits 1 when the worst change is potentially breaking', () => {
    const report = checkCompatibility(registry, 'kv', input({ a: 'int' }), input({ a: 'string' }), { clock });
    expect(exitCodeForReport(report)).toBe(1);
  });

  it('applies a --fail-on threshold', () => {
    const risky = checkCompatibility(registry, 'kv', input({ a: 'int' }), input({ a: 'string' }), { clock });
    const additive = checkCompatibility(registry, 'kv', input({}), input({ x: 'int' }), { clock });
    expect([exitCodeForReport(risky, 'breaking'), exitCodeForReport(risky, 'none'), exitCodeForReport(additive, 'additive'), exitCodeForReport(additive, 'non_breaking')]).toEqual([0, 0, 1, 0]);
  });

  it('applies rule overrides and turns rules off', () => {
    const report = checkCompatibility(registry, 'kv', input({ a: 'int', c: 'x' }), input({ a: 'string' }), {
      clock,
      ruleOverrides: { 'toy/field-retyped': 'breaking', 'toy/field-removed': 'off' },
    });
    expect(report.issues.map((i) => [i.rule, i.severity])).toEqual([['toy/field-retyped', 'breaking']]);
  });

  it('names the file of a schema the checker rejects', () => {
    try {
      checkCompatibility(registry, 'kv', input({}), { document: { fields: [] }, file: 'after.json' }, { clock });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputDataError);
      expect((error as InputDataError).describe()).toBe('after.json: fields: expected an object of field types');
    }
  });

  it('refuses to drop a change no rule classifies', () => {
    const plugin = toyPlugin();
    plugin.checkers![0]!.rules = plugin.checkers![0]!.rules.filter((r) => r.id !== 'field-added');
    expect(() => checkCompatibility(createRegistry([plugin]), 'kv', input({}), input({ x: 'int' }))).toThrowError(UnclassifiedChangeError);
  });

  it('says which checkers exist when asked for an unknown one', () => {
    expect(() => checkCompatibility(registry, 'graphql', input({}), input({}))).toThrowError(/available: kv/);
  });
});
