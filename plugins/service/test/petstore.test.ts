import { exitCodeForReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { checkFiles, fixturePath } from './fixtures.js';

/**
 * A realistic pair: the pet store, one release apart, with a dozen and a half deliberate changes
 * of every kind (the research's "Pets" fixture, extended). Every change must be found once, at
 * its level, and nothing else.
 */
describe('pet store 1.0.0 → 1.1.0', async () => {
  const report = await checkFiles(fixturePath('petstore/before.yaml'), fixturePath('petstore/after.yaml'));
  const rows = report.issues.map((i) => `${i.severity} ${i.rule.replace('service/', '')} ${i.affected_operations.join(',')}`).sort();

  it('finds every intended change, at its level, and nothing else', () => {
    expect(rows).toEqual(
      [
        'breaking api-removed-without-deprecation DELETE /pets/{id}',
        'additive endpoint-added GET /owners',
        'non_breaking endpoint-deprecated GET /pets/{petId}',
        'breaking request-parameter-became-required GET /pets',
        'breaking request-parameter-max-decreased GET /pets',
        'breaking request-parameter-enum-value-removed GET /pets',
        'breaking required-response-header-removed GET /pets',
        'breaking response-media-type-removed GET /pets',
        'potentially_breaking api-security-scope-added POST /pets',
        'breaking new-required-request-property POST /pets',
        'breaking request-property-max-length-decreased POST /pets',
        'breaking response-property-type-changed GET /pets,GET /pets/{petId},POST /pets',
        'breaking response-property-became-optional GET /pets,GET /pets/{petId},POST /pets',
        'potentially_breaking response-optional-property-removed GET /pets,GET /pets/{petId},POST /pets',
        'additive response-optional-property-added GET /pets,GET /pets/{petId},POST /pets',
        'potentially_breaking response-property-enum-value-added GET /pets,GET /pets/{petId},POST /pets',
        'non_breaking response-non-success-status-added GET /pets/{petId}',
      ].sort(),
    );
    expect(exitCodeForReport(report)).toBe(2);
  });

  it("names each finding's operation, JSON pointer and line", () => {
    const byRule = (rule: string) => report.issues.find((i) => i.rule === `service/${rule}`)!;
    expect(byRule('request-parameter-max-decreased')).toMatchObject({
      field_path: '/paths/~1pets/get/parameters/0/schema',
      old_value: 100,
      new_value: 50,
      location: { line: 15 },
    });
    expect(byRule('response-property-type-changed')).toMatchObject({
      field_path: '/components/schemas/Pet/properties/id',
      old_value: 'string',
      new_value: 'integer',
      location: { line: 90 },
    });
    expect(byRule('api-removed-without-deprecation')).toMatchObject({ field_path: '/paths/~1pets~1{id}/delete', location: { line: 74 } });
    expect(byRule('api-removed-without-deprecation').location?.file).toMatch(/before\.yaml$/);
    expect(byRule('endpoint-deprecated').description).toBe('Endpoint GET /pets/{petId} deprecated (sunset 2027-01-01)');
  });
});
