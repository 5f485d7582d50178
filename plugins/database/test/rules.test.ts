import { describe, expect, it } from 'vitest';
import { statementRuleExamples } from '../src/rules/statement-rules.js';
import { databaseRules } from '../src/index.js';
import { EXPECTED_DATABASE_RULE_LEVELS, reviewedLevel } from './expected-rule-levels.js';
import { baseSchema, check } from './fixtures.js';
import { modelRuleCases } from '../src/rules/examples/model-rule-examples.js';
import { ruleCases as cases } from './rule-cases.js';

describe('database rules: one case per rule id', () => {
  it('has a case for every rule, and no case for a rule that does not exist', () => {
    const ids = databaseRules.map((r) => r.id);
    // Rules the seed format cannot express (enums, triggers, renames, ...) have model cases instead.
    // Rules about migration statements (`--migration`) have migration examples (test/migration-file.test.ts).
    expect([...Object.keys(cases), ...Object.keys(modelRuleCases), ...Object.keys(statementRuleExamples)].sort()).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares for every rule the severity and code of the reviewed table, which has no row for a rule that does not exist', () => {
    const declared = Object.fromEntries(databaseRules.map((r) => [r.id, { severity: r.severity, ...(r.code ? { code: r.code } : {}) }]));
    expect(declared).toEqual(EXPECTED_DATABASE_RULE_LEVELS);
  });

  it('leaves an unchanged schema without findings', () => {
    expect(check(baseSchema(), baseSchema()).issues).toEqual([]);
  });

  for (const rule of databaseRules.filter((r) => cases[r.id])) {
    it(`${rule.id}: ${rule.severity} ${rule.issueType}`, () => {
      const testCase = cases[rule.id];
      expect(testCase, `no test case for rule ${rule.id}`).toBeDefined();
      const before = baseSchema();
      const after = baseSchema();
      testCase!.before?.(before);
      testCase!.after(after);
      const report = check(before, after);
      expect(report.issues.map((i) => i.rule)).toEqual([`database/${rule.id}`]);
      const [issue] = report.issues;
      expect(issue!.type).toBe(rule.issueType);
      const reviewed = reviewedLevel(EXPECTED_DATABASE_RULE_LEVELS, rule.id);
      expect(issue!.severity).toBe(reviewed.severity);
      expect(issue!.code).toBe(reviewed.code);
      expect(issue!.description.length).toBeGreaterThan(10);
      // One script for the change, and for an expand/contract change its contract step, for a later release.
      expect(report.migration_scripts.filter((s) => s.release !== 'later')).toHaveLength(1);
      expect(report.migration_scripts.length - 1).toBe(issue!.contract_script_index == null ? 0 : 1);
      const [script] = report.migration_scripts;
      expect(script!.script_type).toBe('sql');
      expect(script!.script_content.trim()).not.toBe('');
      expect(script!.rollback_script.trim()).not.toBe('');
      expect(script!.validation_query).toMatch(/^SELECT /);
    });
  }
});
