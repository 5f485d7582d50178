import type { CompatibilityRuleInput } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import service, { apiRules } from '../src/index.js';
import { EXPECTED_SERVICE_RULE_LEVELS, reviewedLevel } from './expected-rule-levels.js';
import { checkDocuments } from './fixtures.js';

/**
 * One case per API rule: its own example must produce exactly one finding of that rule, at the
 * rule's level; and, unless the rule is about something that changed into something else,
 * swapping before and after must not produce it (the mirror is another rule).
 */

const byId = new Map(apiRules.map((rule) => [rule.id, rule as CompatibilityRuleInput]));

describe('every API rule, on its own example', () => {
  it('has unique kebab-case ids', () => {
    const ids = apiRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(ids.length).toBeGreaterThan(150);
  });

  it('declares for every API and GraphQL rule the checker and severity of the reviewed table, which has no row for a rule that does not exist', () => {
    const declared = Object.fromEntries(
      service().checkers!.flatMap((checker) =>
        checker.rules.map((r) => [r.id, { checker: checker.id, severity: r.severity, ...(r.code ? { code: r.code } : {}) }]),
      ),
    );
    expect(declared).toEqual(EXPECTED_SERVICE_RULE_LEVELS);
  });

  it.each([...byId.keys()])('%s', async (id) => {
    const rule = byId.get(id)!;
    expect(rule.examples?.length, `${id} has no example`).toBeGreaterThan(0);
    for (const example of rule.examples ?? []) {
      const report = await checkDocuments(example.before, example.after);
      const found = report.issues.filter((i) => i.rule === `service/${id}`);
      expect(found, `${id}: ${example.name} → ${report.issues.map((i) => i.rule).join(', ')}`).toHaveLength(1);
      expect(found[0]!.severity).toBe(reviewedLevel(EXPECTED_SERVICE_RULE_LEVELS, id).severity);
      expect(found[0]!.type).toBe(id.replace(/-/g, '_'));
      expect(found[0]!.field_path).toMatch(/^\//);
      // A change to something (a type, a pattern, a default) is its own mirror.
      if (/-changed$/.test(id)) continue;
      const mirror = await checkDocuments(example.after, example.before);
      expect(
        mirror.issues.filter((i) => i.rule === `service/${id}`),
        `${id}: the mirror change`,
      ).toEqual([]);
    }
  });
});

describe('direction: the same change, request and response', () => {
  const pairs: [string, string, string, string][] = [
    // [request rule, its level, response rule, its level]
    ['request-property-max-length-decreased', 'breaking', 'response-property-max-length-decreased', 'non_breaking'],
    ['request-property-max-length-increased', 'non_breaking', 'response-property-max-length-increased', 'breaking'],
    ['request-property-enum-value-removed', 'breaking', 'response-property-enum-value-removed', 'non_breaking'],
    ['request-property-enum-value-added', 'non_breaking', 'response-property-enum-value-added', 'potentially_breaking'],
    ['request-property-type-generalized', 'non_breaking', 'response-property-type-generalized', 'breaking'],
    ['request-property-type-specialized', 'breaking', 'response-property-type-specialized', 'non_breaking'],
    ['request-property-became-nullable', 'non_breaking', 'response-property-became-nullable', 'breaking'],
    ['request-property-became-not-nullable', 'breaking', 'response-property-became-not-nullable', 'non_breaking'],
    ['request-property-became-required', 'breaking', 'response-property-became-required', 'non_breaking'],
    ['request-property-became-optional', 'non_breaking', 'response-property-became-optional', 'breaking'],
    ['request-property-one-of-removed', 'breaking', 'response-property-one-of-removed', 'non_breaking'],
    ['request-property-one-of-added', 'non_breaking', 'response-property-one-of-added', 'potentially_breaking'],
    ['request-property-min-decreased', 'non_breaking', 'response-property-min-decreased', 'breaking'],
    ['request-property-pattern-added', 'breaking', 'response-property-pattern-added', 'non_breaking'],
  ];
  it.each(pairs)('%s is %s, %s is %s', (request, requestLevel, response, responseLevel) => {
    expect(byId.get(request)?.severity).toBe(requestLevel);
    expect(byId.get(response)?.severity).toBe(responseLevel);
  });
});
