import { checkCompatibility, createRegistry, exitCodeForReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import service from '../src/index.js';
import { clock, exampleDocument } from './fixtures.js';

const registry = createRegistry([service()]);

describe('examples/api: user service v1 → v2', () => {
  const report = checkCompatibility(registry, 'api', exampleDocument('api/openapi-before.yaml'), exampleDocument('api/openapi-after.yaml'), { clock });
  const byType = (type: string) => report.issues.filter((i) => i.type === type);

  it('counts every severity', () => {
    expect({
      breaking: report.breaking_changes_count,
      potentially_breaking: report.potentially_breaking_count,
      non_breaking: report.non_breaking_changes_count,
      additive: report.additive_changes_count,
    }).toEqual({ breaking: 6, potentially_breaking: 1, non_breaking: 0, additive: 3 });
    expect(report.overall_compatibility).toBe('breaking_changes');
    expect(exitCodeForReport(report)).toBe(2);
  });

  it('finds each intended change once, with the seed\'s issue types and field paths', () => {
    expect(report.issues.map((i) => [i.type, i.severity, i.field_path])).toEqual(
      expect.arrayContaining([
        ['endpoint_removed', 'breaking', 'paths./users/logout.post'],
        ['method_removed', 'breaking', 'paths./users/{id}.delete'],
        ['endpoint_added', 'additive', 'paths./users/{id}/verify-phone.post'],
        ['required_parameter_added', 'breaking', 'paths./users.get.parameters'],
        ['optional_parameter_added', 'additive', 'paths./users/{id}.get.parameters'],
        ['property_removed', 'breaking', 'components.schemas.User.properties.username'],
        ['property_type_changed', 'breaking', 'components.schemas.User.properties.created_at.type'],
        ['property_made_required', 'breaking', 'components.schemas.UserCreate.required'],
        ['model_added', 'additive', 'components.schemas.PhoneVerificationRequest'],
        ['response_schema_changed', 'potentially_breaking', 'paths./users/{id}/verify-email.post.responses.200'],
      ]),
    );
    expect(report.issues).toHaveLength(10);
  });

  it('names the operations a model change reaches', () => {
    expect(byType('property_removed')[0]!.affected_operations).toEqual(['GET /users', 'POST /users', 'GET /users/{id}', 'PUT /users/{id}']);
    expect(byType('property_made_required')[0]!.affected_operations).toEqual(['POST /users']);
    expect(byType('property_type_changed')[0]).toMatchObject({ old_value: 'integer', new_value: 'string' });
  });

  it('tags every issue with its namespaced rule id and gives API advice', () => {
    for (const issue of report.issues) expect(issue.rule).toMatch(/^service\/[a-z-]+$/);
    expect(report.recommendations.join(' ')).toMatch(/Sunset/);
  });

  it('finds nothing between a document and itself', () => {
    const same = checkCompatibility(registry, 'api', exampleDocument('api/openapi-after.yaml'), exampleDocument('api/openapi-after.yaml'), { clock });
    expect(same.issues).toEqual([]);
    expect(same.overall_compatibility).toBe('fully_compatible');
  });
});
