import { describe, expect, it } from 'vitest';
import type { CompatibilityIssue, CompatibilityReport } from '@migration-architect/core';
import {
  COMMENT_MARKER,
  GITHUB_COMMENT_LIMIT,
  renderGateAnnotations,
  renderGateCodeQuality,
  renderGateJunit,
  renderGateMarkdown,
  type GateResult,
} from '../src/index.js';

function issue(n: number, severity: CompatibilityIssue['severity']): CompatibilityIssue {
  return {
    type: 'column_removed',
    rule: 'database/column-removed',
    code: 'DB103',
    location: { file: `db/V${n}__x.sql`, line: n },
    severity,
    description: `Column 'c${n}' removed from table 't' | with <b>html</b> and a pipe`,
    field_path: `tables.t.columns.c${n}`,
    old_value: null,
    new_value: null,
    impact: '',
    suggested_migration: 'Keep the column until no client reads it. '.repeat(4),
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
    breaking_changes_count: issues.length,
    potentially_breaking_count: 0,
    non_breaking_changes_count: 0,
    additive_changes_count: 0,
    issues,
    migration_scripts: [],
    risk_assessment: { overall_risk: 'high', deployment_risk: 'x', rollback_complexity: 'low', testing_requirements: [] },
    recommendations: [],
  };
}

function result(inputs: number, findingsEach: number): GateResult {
  return {
    tool: { name: 'migration-architect', version: '1.0.0' },
    base: { ref: 'main', commit: 'a'.repeat(40), from: '--base' },
    head: { ref: 'working tree', commit: 'b'.repeat(40) },
    fail_on: 'potentially_breaking',
    inputs: Array.from({ length: inputs }, (_, i) => ({
      path: `db/V${i}__x.sql`,
      kind: 'migration' as const,
      change: 'added' as const,
      checker: 'database',
      why: 'flyway migration',
      report: report(Array.from({ length: findingsEach }, (_, j) => issue(i * 1000 + j + 1, 'breaking'))),
      error: null,
    })),
    skipped: [],
    acceptance: { sources: [], accepted: [], expired: [], unmatched: [] },
    counts: { breaking: inputs * findingsEach, potentially_breaking: 0, non_breaking: 0, additive: 0 },
    exit_code: 2,
  };
}

describe('the pull-request comment', () => {
  it('keeps a small result whole: marker, table row and details per input, text escaped', () => {
    const md = renderGateMarkdown(result(2, 2));
    expect(md.startsWith(`${COMMENT_MARKER}\n## ❌ Migration Architect gate: breaking changes`)).toBe(true);
    expect(md).toContain('| `db/V1__x.sql` | migration | database | ❌ breaking | 2 | 0 | 0 |');
    expect(md.match(/<details>/g)).toHaveLength(2);
    expect(md).toContain('with &lt;b&gt;html&lt;/b&gt; and a pipe');
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('Truncated');
  });

  it('never exceeds GitHub’s limit: sections that do not fit are left out and a note says where the full report is', () => {
    const md = renderGateMarkdown(result(400, 40), { fullReport: 'the gate-report artifact' });
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toMatch(
      /Truncated to stay under GitHub's 65,536-character comment limit: \d+ sections? left out\. The full report is the gate-report artifact\./,
    );
    expect(md.trimEnd().endsWith('</sub>')).toBe(true);
    // Whatever was kept is whole: every opened section is closed.
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
  });

  it('caps one input’s findings and counts the rest', () => {
    const md = renderGateMarkdown(result(1, 100));
    expect(md).toContain('- … and 40 more findings in the full report');
  });
});

describe('CI formats', () => {
  it('annotates each finding at its file and line, escaping what workflow commands need escaped', () => {
    const text = renderGateAnnotations(result(1, 1));
    expect(text.split('\n')[0]).toBe(
      "::error file=db/V1__x.sql,line=1,title=DB103 database/column-removed::Column 'c1' removed from table 't' | with <b>html</b> and a pipe. " +
        'Keep the column until no client reads it. '.repeat(4),
    );
  });

  it('writes GitLab Code Quality entries with stable fingerprints', () => {
    const first = JSON.parse(renderGateCodeQuality(result(1, 2)));
    expect(first).toHaveLength(2);
    expect(first[0]).toMatchObject({ check_name: 'database/column-removed', severity: 'critical', location: { path: 'db/V1__x.sql', lines: { begin: 1 } } });
    expect(JSON.parse(renderGateCodeQuality(result(1, 2)))[0].fingerprint).toBe(first[0].fingerprint);
    expect(first[0].fingerprint).not.toBe(first[1].fingerprint);
  });

  it('writes JUnit XML with one failing test case per failing input', () => {
    const xml = renderGateJunit(result(2, 1));
    expect(xml).toContain('<testsuite name="migration-architect gate" tests="2" failures="2"');
    expect(xml).toContain('<testcase classname="migration-architect.gate.database" name="migration db/V1__x.sql">');
    expect(xml).toContain('with &lt;b&gt;html&lt;/b&gt; and a pipe');
  });
});
