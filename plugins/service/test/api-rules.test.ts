import { checkCompatibility, createRegistry, type ChangeSeverity, type CompatibilityReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import service, { apiRules } from '../src/index.js';
import { idParam, jsonBody, jsonResponse, listUsers, openApi, param, ref, userCreateDocument, userDocument } from '../src/api/rules/example-documents.js';
import { clock } from './fixtures.js';

const registry = createRegistry([service()]);
const ok200 = { '200': { description: 'OK' } };

function check(before: unknown, after: unknown): CompatibilityReport {
  return checkCompatibility(registry, 'api', { document: before, file: 'before.json' }, { document: after, file: 'after.json' }, { clock });
}

/** The severity each rule's own example must get. A rule missing here fails the suite. */
const EXPECTED: Record<string, ChangeSeverity> = {
  'endpoint-removed': 'breaking',
  'method-removed': 'breaking',
  'endpoint-added': 'additive',
  'required-parameter-added': 'breaking',
  'optional-parameter-added': 'additive',
  'required-parameter-removed': 'potentially_breaking',
  'optional-parameter-removed': 'potentially_breaking',
  'parameter-made-required': 'breaking',
  'parameter-made-optional': 'non_breaking',
  'parameter-type-changed': 'breaking',
  'request-body-made-required': 'breaking',
  'request-body-added': 'additive',
  'request-body-removed': 'potentially_breaking',
  'request-body-schema-changed': 'potentially_breaking',
  'response-schema-changed': 'potentially_breaking',
  'response-status-removed': 'breaking',
  'response-status-added': 'additive',
  'model-removed': 'potentially_breaking',
  'model-added': 'additive',
  'schema-composition-changed': 'potentially_breaking',
  'property-removed': 'breaking',
  'property-added': 'additive',
  'required-property-added': 'breaking',
  'property-made-required': 'breaking',
  'property-made-optional': 'potentially_breaking',
  'property-type-changed': 'breaking',
};

describe('one case per API rule (the rule\'s own example)', () => {
  it('has an expected severity for exactly the rules that exist', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(apiRules.map((r) => r.id).sort());
  });

  it.each(apiRules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    expect(EXPECTED[id], `no expected severity for rule ${id}`).toBeDefined();
    expect(rule.examples?.length, `rule ${id} has no example`).toBeGreaterThan(0);
    for (const example of rule.examples ?? []) {
      const report = check(example.before, example.after);
      const issues = report.issues.filter((i) => i.rule === `service/${id}`);
      expect(issues, `${id}: ${example.name}`).toHaveLength(1);
      expect(issues[0]).toMatchObject({ type: rule.issueType, severity: EXPECTED[id] });
    }
  });
});

describe('severity depends on where a model travels', () => {
  const userCreate = (props: Record<string, unknown>, required: string[] = []) => userCreateDocument({ type: 'object', properties: props, required });
  const user = (props: Record<string, unknown>, required: string[] = []) => userDocument({ type: 'object', properties: props, required });
  const only = (report: CompatibilityReport) => {
    expect(report.issues).toHaveLength(1);
    return report.issues[0]!;
  };

  it('a property removed from a request-only model is potentially breaking', () => {
    const issue = only(check(userCreate({ email: { type: 'string' }, referrer: { type: 'string' } }), userCreate({ email: { type: 'string' } })));
    expect(issue).toMatchObject({ type: 'property_removed', severity: 'potentially_breaking', affected_operations: ['POST /users'] });
  });

  it('a property made required in a response-only model is non-breaking', () => {
    const issue = only(check(user({ id: { type: 'string' } }), user({ id: { type: 'string' } }, ['id'])));
    expect(issue).toMatchObject({ type: 'property_made_required', severity: 'non_breaking' });
  });

  it('a property made optional in a request-only model is non-breaking', () => {
    const issue = only(check(userCreate({ name: { type: 'string' } }, ['name']), userCreate({ name: { type: 'string' } })));
    expect(issue).toMatchObject({ type: 'property_made_optional', severity: 'non_breaking' });
  });

  it('a required property added to a response model is additive', () => {
    const issue = only(check(user({ id: { type: 'string' } }), user({ id: { type: 'string' }, etag: { type: 'string' } }, ['etag'])));
    expect(issue).toMatchObject({ type: 'required_property_added', severity: 'additive' });
  });

  it('integer → number widens requests but may surprise response readers', () => {
    const widen = (doc: (p: Record<string, unknown>) => unknown) => only(check(doc({ score: { type: 'integer' } }), doc({ score: { type: 'number' } })));
    expect(widen(userCreate)).toMatchObject({ type: 'property_type_changed', severity: 'non_breaking' });
    expect(widen(user)).toMatchObject({ type: 'property_type_changed', severity: 'potentially_breaking' });
  });

  it('number → integer narrows requests but is safe for response readers', () => {
    const narrow = (doc: (p: Record<string, unknown>) => unknown) => only(check(doc({ score: { type: 'number' } }), doc({ score: { type: 'integer' } })));
    expect(narrow(userCreate).severity).toBe('breaking');
    expect(narrow(user).severity).toBe('non_breaking');
  });

  it('a model used both ways gets the worse verdict', () => {
    const both = (props: Record<string, unknown>) =>
      openApi({ '/users/{id}': { put: { parameters: [idParam], requestBody: jsonBody(ref('User')), responses: { '200': jsonResponse(ref('User')) } } } }, { User: { type: 'object', properties: props } });
    expect(only(check(both({ score: { type: 'integer' } }), both({ score: { type: 'number' } }))).severity).toBe('potentially_breaking');
  });

  it('a model no operation uses counts as both directions', () => {
    const orphan = (props: Record<string, unknown>) => openApi({}, { Draft: { type: 'object', properties: props } });
    expect(only(check(orphan({ a: { type: 'string' } }), orphan({}))).severity).toBe('breaking');
  });
});

describe('type changes', () => {
  it('a scalar query parameter becoming a string is a widening', () => {
    const issue = check(listUsers([param('limit', 'query', 'integer')]), listUsers([param('limit', 'query', 'string')])).issues[0]!;
    expect(issue).toMatchObject({ type: 'parameter_type_changed', severity: 'non_breaking' });
  });

  it('only JSON types exist: boolean → string is breaking, not looked up in an SQL row', () => {
    const issue = check(userDocument({ type: 'object', properties: { active: { type: 'boolean' } } }), userDocument({ type: 'object', properties: { active: { type: 'string' } } })).issues[0]!;
    expect(issue).toMatchObject({ type: 'property_type_changed', severity: 'breaking', old_value: 'boolean', new_value: 'string' });
  });

  it('a property switching between two referenced models is potentially breaking', () => {
    const doc = (target: string) =>
      userDocument({ type: 'object', properties: { address: ref(target) } }, { Address: { type: 'object' }, PostalAddress: { type: 'object' } });
    const issue = check(doc('Address'), doc('PostalAddress')).issues[0]!;
    expect(issue).toMatchObject({ type: 'property_type_changed', severity: 'potentially_breaking', field_path: 'components.schemas.User.properties.address.$ref' });
  });

  it('compares nested properties and array items', () => {
    const doc = (cityType: string, tagType: string) =>
      userDocument({
        type: 'object',
        properties: {
          address: { type: 'object', properties: { city: { type: cityType } } },
          tags: { type: 'array', items: { type: tagType } },
        },
      });
    const report = check(doc('string', 'string'), doc('integer', 'integer'));
    expect(report.issues.map((i) => i.field_path)).toEqual([
      'components.schemas.User.properties.address.properties.city.type',
      'components.schemas.User.properties.tags.items.type',
    ]);
    expect(report.issues[0]!.description).toContain("'address.city'");
  });

  it('a 3.1 type list compares by its non-null member', () => {
    const doc = (type: unknown) => userDocument({ type: 'object', properties: { name: { type } } });
    expect(check(doc('string'), doc(['string', 'null'])).issues).toEqual([]);
  });
});

describe('operations and responses', () => {
  it('an error status removed is non-breaking, a success status removed is breaking', () => {
    const doc = (responses: Record<string, unknown>) => openApi({ '/users': { get: { responses } } });
    const report = check(doc({ '200': { description: 'OK' }, '404': { description: 'Not found' } }), doc({ '201': { description: 'OK' } }));
    expect(report.issues.map((i) => [i.type, i.severity, i.field_path])).toEqual([
      ['response_status_removed', 'breaking', 'paths./users.get.responses.200'],
      ['response_status_removed', 'non_breaking', 'paths./users.get.responses.404'],
      ['response_status_added', 'additive', 'paths./users.get.responses.201'],
    ]);
  });

  it('a response switching models names both', () => {
    const doc = (target: string) => openApi({ '/users/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(ref(target)) } } } }, { User: { type: 'object' }, UserV2: { type: 'object' } });
    expect(check(doc('User'), doc('UserV2')).issues[0]!.description).toBe('Response schema changed for GET /users/{id} (status 200): User replaced by UserV2');
  });

  it('changes inside a referenced model are reported once, on the model, not on each response', () => {
    const report = check(userDocument({ type: 'object', properties: { a: { type: 'string' } } }), userDocument({ type: 'object', properties: {} }));
    expect(report.issues.map((i) => i.type)).toEqual(['property_removed']);
  });

  it('path-level parameters apply to every method, and operation-level ones override them', () => {
    const doc = (required: boolean) =>
      openApi({ '/users': { parameters: [param('tenant', 'query', 'string', required)], get: { responses: ok200 }, post: { parameters: [param('tenant', 'query', 'string', true)], responses: ok200 } } });
    const report = check(doc(false), doc(true));
    expect(report.issues.map((i) => [i.type, i.affected_operations[0]])).toEqual([['parameter_made_required', 'GET /users']]);
  });

  it('ignores path-item keys that are not methods, and x- extensions among paths', () => {
    const before = openApi({ '/users': { summary: 'a', get: { responses: ok200 } } });
    const after = openApi({ '/users': { summary: 'b', description: 'b', get: { responses: ok200 } }, 'x-internal': { owner: 'team-a' } });
    expect(check(before, after).issues).toEqual([]);
  });

  it('a model no operation used is removed without breaking anyone', () => {
    const issue = check(userDocument({ type: 'object' }, { Unused: { type: 'object' } }), userDocument({ type: 'object' })).issues[0]!;
    expect(issue).toMatchObject({ type: 'model_removed', severity: 'non_breaking', affected_operations: [] });
  });
});

