import { describe, expect, it } from 'vitest';
import { checkFiles, fixturePath } from './fixtures.js';

/**
 * One OpenAPI 3.1 description (test/fixtures/openapi-3.1, written for this test) whose schemas use
 * every 2020-12 keyword the checker compares, each changed once in after.yaml. Every finding keeps
 * its rule, level, line, JSON pointer and the operations it reaches.
 */
describe('an OpenAPI 3.1 description exercising the 2020-12 vocabulary', () => {
  it('reports each keyword change once, by direction, with its place', async () => {
    const report = await checkFiles(fixturePath('openapi-3.1/before.yaml'), fixturePath('openapi-3.1/after.yaml'));
    expect(report.inputs?.after.dialect).toBe('openapi-3.1');
    const post = 'POST /orders';
    const both = 'GET /orders/{id}, POST /orders';
    const schema = (path: string) => `/components/schemas/${path}`;
    expect(report.issues.map((i) => [i.rule.replace('service/', ''), i.severity, i.location?.line, i.field_path, i.affected_operations.join(', ')])).toEqual([
      ['request-property-max-items-set', 'potentially_breaking', 50, schema('NewOrder/properties/items'), post],
      // contains: at least two "priority" tags now.
      ['request-property-min-contains-increased', 'breaking', 55, schema('NewOrder/properties/tags'), post],
      // A third tuple position with its own schema.
      ['request-property-prefix-items-narrowed', 'breaking', 67, schema('NewOrder/properties/coordinates/prefixItems/2'), post],
      ['request-property-dependent-required-narrowed', 'breaking', 68, schema('NewOrder/properties/billing'), post],
      // Properties matching ^x- compared as properties: a maxLength appears.
      ['request-property-max-length-set', 'potentially_breaking', 78, schema('NewOrder/properties/metadata/patternProperties/^x-'), post],
      ['request-property-pattern-changed', 'potentially_breaking', 83, schema('NewOrder/properties/labels/propertyNames'), post],
      ['request-property-content-encoding-changed', 'breaking', 87, schema('NewOrder/properties/attachment'), post],
      // type: [string, "null"] → string.
      ['request-property-became-not-nullable', 'breaking', 91, schema('NewOrder/properties/note'), post],
      // const: web → enum: [web, app] accepts more.
      ['request-property-enum-value-added', 'non_breaking', 93, schema('NewOrder/properties/channel'), post],
      ['request-property-not-changed', 'potentially_breaking', 97, schema('NewOrder/properties/code/not'), post],
      ['response-property-enum-value-added', 'potentially_breaking', 106, schema('Order/properties/status'), both],
      // type: [integer] → [integer, number]: a list widened, not a change of type.
      ['response-property-type-generalized', 'breaking', 109, schema('Order/properties/total'), both],
      ['response-property-unevaluated-items-widened', 'breaking', 111, schema('Order/properties/lines'), both],
      ['response-property-content-schema-widened', 'breaking', 115, schema('Order/properties/payload'), both],
      ['response-property-conditional-widened', 'breaking', 118, schema('Order/properties/shipping'), both],
      ['response-property-dependent-schema-widened', 'breaking', 122, schema('Order/properties/discount'), both],
      ['response-header-max-increased', 'breaking', 37, '/paths/~1orders~1{id}/get/responses/200/headers/X-Rate-Limit/schema', 'GET /orders/{id}'],
    ]);
  });

  it('the description against itself reports nothing', async () => {
    const report = await checkFiles(fixturePath('openapi-3.1/after.yaml'), fixturePath('openapi-3.1/after.yaml'));
    expect(report.issues).toEqual([]);
  });
});
