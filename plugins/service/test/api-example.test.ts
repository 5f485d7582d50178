import { exitCodeForReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { checkFiles, examplePath } from './fixtures.js';

describe('examples/api: user service v1 → v2', async () => {
  const report = await checkFiles(examplePath('api/openapi-before.yaml'), examplePath('api/openapi-after.yaml'));
  const find = (rule: string) => report.issues.filter((i) => i.rule === `service/${rule}`);

  it('is read as OpenAPI 3.0 and counts every severity', () => {
    expect(report.inputs?.before).toMatchObject({ source: 'service/openapi', dialect: 'openapi-3.0' });
    expect({
      breaking: report.breaking_changes_count,
      potentially_breaking: report.potentially_breaking_count,
      non_breaking: report.non_breaking_changes_count,
      additive: report.additive_changes_count,
    }).toEqual({ breaking: 5, potentially_breaking: 3, non_breaking: 0, additive: 5 });
    expect(exitCodeForReport(report)).toBe(2);
  });

  it('finds each intended change, with its operation, JSON pointer and line', () => {
    expect(find('api-path-removed-without-deprecation')[0]).toMatchObject({
      field_path: '/paths/~1users~1logout/post',
      location: { file: examplePath('api/openapi-before.yaml'), line: 163 },
    });
    expect(find('api-removed-without-deprecation')[0]).toMatchObject({
      field_path: '/paths/~1users~1{id}/delete',
      affected_operations: ['DELETE /users/{id}'],
    });
    expect(find('new-required-request-parameter')[0]).toMatchObject({ severity: 'breaking', affected_operations: ['GET /users'], location: { line: 22 } });
    expect(find('new-optional-request-parameter')[0]!.affected_operations).toEqual(['GET /users/{id}']);
    expect(find('request-property-became-required')[0]).toMatchObject({
      field_path: '/components/schemas/UserCreate/properties/name',
      affected_operations: ['POST /users'],
    });
    expect(find('response-property-type-changed')[0]).toMatchObject({
      old_value: 'integer',
      new_value: 'string (date-time)',
      affected_operations: ['GET /users', 'GET /users/{id}', 'POST /users', 'PUT /users/{id}'],
    });
    // The inline response of verify-email changed at property level, no catch-all "schema changed".
    expect(find('response-optional-property-removed').map((i) => i.description)).toEqual(
      expect.arrayContaining([expect.stringMatching(/verified/), expect.stringMatching(/sent_at/)]),
    );
  });

  it('tags every issue with a namespaced kebab-case rule id and gives API advice', () => {
    for (const issue of report.issues) expect(issue.rule).toMatch(/^service\/[a-z-]+$/);
    expect(report.recommendations.join(' ')).toMatch(/Sunset/);
  });

  it('finds nothing between a document and itself', async () => {
    const same = await checkFiles(examplePath('api/openapi-after.yaml'), examplePath('api/openapi-after.yaml'));
    expect(same.issues).toEqual([]);
    expect(same.overall_compatibility).toBe('fully_compatible');
  });
});
