import { describe, expect, it } from 'vitest';
import { AcceptanceLedgerSchema, applyAcceptances, type CompatibilityIssue, type CompatibilityReport } from '../src/index.js';

function issue(rule: string, code: string | null, path: string, file: string, line: number, severity: CompatibilityIssue['severity']): CompatibilityIssue {
  return {
    type: rule,
    rule,
    code,
    location: { file, line },
    severity,
    description: rule,
    field_path: path,
    old_value: null,
    new_value: null,
    impact: '',
    suggested_migration: '',
    affected_operations: [],
  };
}

function report(issues: CompatibilityIssue[]): CompatibilityReport {
  return {
    schema_type: 'database',
    schema_before: 'a',
    schema_after: 'b',
    analysis_date: '2026-01-01T00:00:00.000Z',
    overall_compatibility: 'breaking_changes',
    breaking_changes_count: issues.filter((i) => i.severity === 'breaking').length,
    potentially_breaking_count: issues.filter((i) => i.severity === 'potentially_breaking').length,
    non_breaking_changes_count: 0,
    additive_changes_count: 0,
    issues,
    migration_scripts: [],
    risk_assessment: { overall_risk: 'high', deployment_risk: 'x', rollback_complexity: 'low', testing_requirements: [] },
    recommendations: [],
  };
}

const entry = { reason: 'known', accepted_by: 'ada', expires: '2026-06-30' };

describe('acceptance ledger', () => {
  const reports = [
    report([
      issue('database/column-removed', 'DB103', 'tables.users.columns.email', 'V3__x.sql', 2, 'breaking'),
      issue('database/index-not-concurrent', 'DB601', 'statements.4', 'V3__x.sql', 4, 'potentially_breaking'),
    ]),
    report([issue('service/field-type-changed', null, 'types.Account.fields.plan', 'schema.graphql', 9, 'breaking')]),
  ];

  it('takes accepted findings out of any checker’s report and recounts the verdict', () => {
    const outcome = applyAcceptances(
      reports,
      [
        { rule: 'DB601', location: 'V3__x.sql:4', ...entry },
        { rule: 'service/field-type-changed', subject: 'types.Account', ...entry },
      ],
      '2026-01-01',
    );
    expect(outcome.reports[0]!.issues.map((i) => i.code)).toEqual(['DB103']);
    expect(outcome.reports[0]!.potentially_breaking_count).toBe(0);
    expect(outcome.reports[1]!.issues).toEqual([]);
    expect(outcome.reports[1]!.overall_compatibility).toBe('fully_compatible');
    expect(outcome.accepted.map((a) => [a.index, a.report, a.issue.rule])).toEqual([
      [0, 0, 'database/index-not-concurrent'],
      [1, 1, 'service/field-type-changed'],
    ]);
    expect(outcome.unmatched).toEqual([]);
  });

  it('matches subject by path prefix and location by file and line only', () => {
    const outcome = applyAcceptances(
      reports,
      [
        { rule: 'database/column-removed', subject: 'tables.users.columns.em', ...entry },
        { rule: 'DB601', location: 'V3__x.sql:5', ...entry },
      ],
      '2026-01-01',
    );
    expect(outcome.accepted).toEqual([]);
    expect(outcome.unmatched.map((u) => u.index)).toEqual([0, 1]);
  });

  it('matches a JSON-pointer subject (API findings) at a segment boundary only', () => {
    const api = report([issue('service/response-property-removed', null, '/paths/~1pets~1{id}/get/responses/200', 'api.yaml', 3, 'breaking')]);
    const accept = (subject: string) =>
      applyAcceptances([api], [{ rule: 'service/response-property-removed', subject, ...entry }], '2026-01-01').accepted.length;
    expect([accept('/paths/~1pets~1{id}/get'), accept('/paths/~1pets~1{id}/ge'), accept('/paths/~1pets~1{id}/get/responses/200')]).toEqual([1, 0, 1]);
  });

  it('reads an expiry a YAML loader turned into a Date as the day written', () => {
    const parsed = AcceptanceLedgerSchema.parse({ accepted: [{ rule: 'DB103', reason: 'x', accepted_by: 'ada', expires: new Date('2026-06-30T00:00:00Z') }] });
    expect(parsed.accepted[0]!.expires).toBe('2026-06-30');
  });

  it('lets an expired entry accept nothing and lists it, the day after its date', () => {
    const entries = [{ rule: 'DB103', ...entry, expires: '2026-01-01' }];
    expect(applyAcceptances(reports, entries, '2026-01-01').accepted).toHaveLength(1);
    const after = applyAcceptances(reports, entries, '2026-01-02');
    expect(after.accepted).toEqual([]);
    expect(after.expired.map((e) => e.index)).toEqual([0]);
    expect(after.reports[0]!.issues).toHaveLength(2);
  });

  it('validates a ledger file: reason, expiry and who are required, unknown keys refused', () => {
    expect(AcceptanceLedgerSchema.safeParse({ accepted: [{ rule: 'DB103', ...entry }] }).success).toBe(true);
    expect(AcceptanceLedgerSchema.safeParse({ accepted: [{ rule: 'DB103', reason: 'x', expires: '2026-06-30' }] }).success).toBe(false);
    expect(AcceptanceLedgerSchema.safeParse({ accepted: [{ rule: 'DB103', ...entry, expires: 'soon' }] }).success).toBe(false);
    expect(AcceptanceLedgerSchema.safeParse({ accepted: [{ rule: 'DB103', ...entry, owner: 'x' }] }).success).toBe(false);
  });
});
