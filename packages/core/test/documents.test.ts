import { describe, expect, it } from 'vitest';
import { canonicalJson, clockFromSourceDateEpoch, InputDataError, MigrationSpecSchema, parseDocument, UsageError, validateDocument } from '../src/index.js';

function failure(fn: () => unknown): InputDataError {
  try {
    fn();
  } catch (error) {
    return error as InputDataError;
  }
  throw new Error('expected a failure');
}

describe('parseDocument', () => {
  it('reads JSON and YAML by extension, and sniffs files without one', () => {
    expect(parseDocument('{"a": 1}', 'x.json')).toEqual({ a: 1 });
    expect(parseDocument('a: 1\nb: [x, y]\n', 'x.yaml')).toEqual({ a: 1, b: ['x', 'y'] });
    expect(parseDocument('a: 1', 'spec')).toEqual({ a: 1 });
  });

  it('names the line of a JSON syntax error', () => {
    const error = failure(() => parseDocument('{\n  "a": 1,\n  "b": \n}', 'bad.json'));
    expect(error).toBeInstanceOf(InputDataError);
    expect(error.describe()).toMatch(/^bad\.json:4: invalid JSON/);
  });

  it('names the line of a YAML syntax error and refuses duplicate keys', () => {
    expect(failure(() => parseDocument('a: [1, 2\nb: 3\n', 'bad.yaml')).describe()).toMatch(/^bad\.yaml:\d+: invalid YAML/);
    expect(failure(() => parseDocument('a: 1\na: 2\n', 'dup.yaml')).describe()).toMatch(/invalid YAML: Map keys must be unique/);
  });

  it('refuses an empty file', () => {
    expect(failure(() => parseDocument('  \n', 'empty.json')).describe()).toBe('empty.json: the file is empty; expected a JSON or YAML document');
  });
});

describe('validateDocument', () => {
  it('names the path and what was expected', () => {
    const error = failure(() =>
      validateDocument(
        MigrationSpecSchema,
        { type: 'database', source: 'a', target: 'b', constraints: { max_downtime_minutes: 'soon' } },
        'spec.yaml',
        'a migration spec',
      ),
    );
    expect(error.describe()).toBe('spec.yaml: constraints.max_downtime_minutes: Invalid input: expected number, received string');
  });

  it('refuses a document that is not an object', () => {
    expect(failure(() => validateDocument(MigrationSpecSchema, [1], 'spec.json', 'a migration spec')).describe()).toBe(
      'spec.json: expected a migration spec (an object), got an array',
    );
  });

  it('keeps unknown spec fields for plugins to read', () => {
    const spec = validateDocument(
      MigrationSpecSchema,
      { type: 'database', source: 'a', target: 'b', tables_to_migrate: [{ name: 'users' }] },
      's.json',
      'a spec',
    );
    expect(spec.tables_to_migrate).toEqual([{ name: 'users' }]);
  });
});

describe('reproducibility helpers', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: [{ f: 1, e: 2 }] } })).toBe('{"a":{"c":[{"e":2,"f":1}],"d":1},"b":1}');
  });

  it('reads SOURCE_DATE_EPOCH, and refuses a malformed one', () => {
    expect(clockFromSourceDateEpoch('86400')().toISOString()).toBe('1970-01-02T00:00:00.000Z');
    expect(() => clockFromSourceDateEpoch('yesterday')).toThrowError(UsageError);
    expect(clockFromSourceDateEpoch('')().getTime()).toBeGreaterThan(0);
  });
});

describe('spec readers', () => {
  it('apply the seed defaults to constraints and read unvalidated fields defensively', async () => {
    const { specConstraints, specExtraList, asRecord } = await import('../src/index.js');
    expect(specConstraints({ type: 't', source: 'a', target: 'b' })).toEqual({
      maxDowntimeMinutes: 480,
      dataVolumeGb: 0,
      dependencies: [],
      complianceRequirements: [],
      specialRequirements: [],
    });
    expect(specExtraList({ type: 't', source: 'a', target: 'b', tables_to_migrate: 'users' }, 'tables_to_migrate')).toEqual([]);
    expect(specExtraList({ type: 't', source: 'a', target: 'b', feature_flags: [{ name: 'f' }] }, 'feature_flags')).toEqual([{ name: 'f' }]);
    expect([asRecord(null), asRecord([1]), asRecord({ a: 1 })]).toEqual([undefined, undefined, { a: 1 }]);
  });
});
