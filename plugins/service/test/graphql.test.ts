import { checkCompatibility, InputDataError } from '@migration-architect/core';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlRules } from '../src/index.js';
import { EXPECTED_SERVICE_RULE_LEVELS, reviewedLevel } from './expected-rule-levels.js';
import { checkFiles, clock, fixturePath, registry } from './fixtures.js';

const sdl = (name: string, text: string) => ({ name, fileName: `${name}.graphql`, document: text });

describe('every GraphQL rule, on its own example', () => {
  it.each(graphqlRules.map((r) => [r.id, r] as const))('%s', async (id, rule) => {
    for (const example of rule.examples ?? []) {
      const report = await checkCompatibility(registry, {
        type: 'graphql',
        before: sdl('before', example.before as string),
        after: sdl('after', example.after as string),
        clock,
      });
      const found = report.issues.filter((i) => i.rule === `service/${id}`);
      expect(found.length, `${id}: ${report.issues.map((i) => i.rule).join(', ')}`).toBeGreaterThan(0);
      expect(found[0]!.severity).toBe(reviewedLevel(EXPECTED_SERVICE_RULE_LEVELS, id).severity);
    }
  });
});

describe('GraphQL schemas', () => {
  it('reads .graphql files without --type and classifies breaking, dangerous and safe changes', async () => {
    const report = await checkFiles(fixturePath('graphql/before.graphql'), fixturePath('graphql/after.graphql'));
    expect(report.schema_type).toBe('graphql');
    expect(report.inputs?.after).toMatchObject({ source: 'service/graphql-sdl', dialect: 'graphql' });
    const rows = report.issues.map((i) => `${i.severity} ${i.rule.replace('service/', '')} ${i.field_path}`).sort();
    expect(rows).toEqual(
      [
        'breaking field-argument-added Query.pets.owner',
        'potentially_breaking field-argument-default-changed Query.pets.limit',
        'breaking field-type-changed Pet.name',
        'breaking field-type-changed Pet.age',
        // A deprecated field's removal: clients were warned.
        'potentially_breaking field-removed Pet.nickname',
        'additive field-added Pet.birthDate',
        'potentially_breaking enum-value-added Kind.BIRD',
      ].sort(),
    );
    const argument = report.issues.find((i) => i.field_path === 'Query.pets.owner')!;
    expect(argument).toMatchObject({ affected_operations: ['Query.pets'], location: { line: 3 } });
    expect(report.issues.find((i) => i.field_path === 'Pet.nickname')!.location).toMatchObject({ line: 9 });
  });

  it('reads introspection results (JSON) as schemas too', async () => {
    const before = introspectionFromSchema(buildSchema('type Query { pet: String, age: Int }'));
    const after = introspectionFromSchema(buildSchema('type Query { pet: String }'));
    const report = await checkCompatibility(registry, {
      before: { name: 'before.json', document: { data: before } },
      after: { name: 'after.json', document: after },
      clock,
    });
    expect(report.schema_type).toBe('graphql');
    expect(report.issues.map((i) => [i.rule, i.severity])).toEqual([['service/field-removed', 'breaking']]);
  });

  it('names the file and line of invalid SDL', async () => {
    const error = (await checkFiles(fixturePath('graphql/broken.graphql'), fixturePath('graphql/after.graphql')).catch((e: unknown) => e)) as InputDataError;
    expect(error).toBeInstanceOf(InputDataError);
    expect(error.describe()).toMatch(/broken\.graphql:4: invalid GraphQL SDL: Syntax Error: /);
  });

  it('finds nothing between a schema and itself', async () => {
    expect((await checkFiles(fixturePath('graphql/after.graphql'), fixturePath('graphql/after.graphql'))).issues).toEqual([]);
  });
});
