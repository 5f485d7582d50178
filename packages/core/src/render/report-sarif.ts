import type { CompatibilityIssue, CompatibilityReport } from '../documents/compatibility-report.js';
import type { ChangeSeverity } from '../documents/levels.js';
import type { RuleSummary } from '../rule-catalog/rule-catalog.js';
import { acceptanceSuppressionKind, describeAcceptance } from './report-acceptance.js';

const LEVEL: Record<ChangeSeverity, 'error' | 'warning' | 'note'> = {
  breaking: 'error',
  potentially_breaking: 'warning',
  non_breaking: 'note',
  additive: 'note',
};

export interface SarifOptions {
  rules: RuleSummary[];
  toolVersion: string;
}

/**
 * SARIF 2.1.0, the format GitHub code scanning ingests: one run, the rules that fired (with
 * their docs), and one result per change at its file and line.
 */
export function renderReportSarif(report: CompatibilityReport, options: SarifOptions): string {
  const byId = new Map(options.rules.map((r) => [r.id, r]));
  const accepted = report.acceptance?.accepted ?? [];
  const fired = [...new Map([...report.issues, ...accepted.map((a) => a.issue)].map((i) => [i.rule, i.code ?? i.rule])).entries()];
  const rules = fired.map(([id, sarifId]) => {
    const rule = byId.get(id);
    if (!rule) return { id: sarifId, name: id };
    return {
      id: sarifId,
      name: rule.slug,
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.description },
      help: rule.rollback
        ? {
            text: `Safe alternative: ${rule.safeAlternative}\nRollback: ${rule.rollback}`,
            markdown: `**Safe alternative:** ${rule.safeAlternative}\n\n**Rollback:** ${rule.rollback}`,
          }
        : { text: `Safe alternative: ${rule.safeAlternative}`, markdown: `**Safe alternative:** ${rule.safeAlternative}` },
      ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: [rule.checker, rule.severity], 'migration-architect/id': rule.id },
    };
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const toResult = (issue: CompatibilityIssue, suppression?: { kind: 'external' | 'inSource'; justification: string }) => {
    const ruleId = issue.code ?? issue.rule;
    const script = issue.migration_script_index == null ? undefined : report.migration_scripts[issue.migration_script_index];
    const contract = issue.contract_script_index == null ? undefined : report.migration_scripts[issue.contract_script_index];
    const location = issue.location
      ? [
          {
            physicalLocation: {
              artifactLocation: { uri: issue.location.file },
              ...(issue.location.line
                ? { region: { startLine: issue.location.line, ...(issue.location.column ? { startColumn: issue.location.column } : {}) } }
                : {}),
            },
            logicalLocations: [{ fullyQualifiedName: issue.field_path }],
          },
        ]
      : [];
    return {
      ruleId,
      ...(ruleIndex.has(ruleId) ? { ruleIndex: ruleIndex.get(ruleId) } : {}),
      level: LEVEL[issue.severity],
      message: { text: `${issue.description}. ${issue.impact}. Suggested: ${issue.suggested_migration}` },
      locations: location,
      properties: {
        severity: issue.severity,
        issueType: issue.type,
        rule: issue.rule,
        ...(script ? { migration: script.script_content, rollback: script.rollback_script } : {}),
        ...(contract ? { contractMigration: contract.script_content, contractRollback: contract.rollback_script, contractRelease: 'later' } : {}),
      },
      ...(suppression ? { suppressions: [{ kind: suppression.kind, status: 'accepted', justification: suppression.justification }] } : {}),
    };
  };
  // Accepted findings stay visible as suppressed results, so code scanning shows who accepted what
  // and why: a ledger entry is an external suppression, a comment in the input an in-source one.
  const results = [
    ...report.issues.map((issue) => toResult(issue)),
    ...accepted.map(({ entry, issue }) =>
      toResult(issue, {
        kind: acceptanceSuppressionKind(entry),
        justification: describeAcceptance(entry),
      }),
    ),
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'migration-architect',
            version: options.toolVersion,
            informationUri: 'https://github.com/migration-architect/migration-architect',
            rules,
          },
        },
        results,
        properties: { overall_compatibility: report.overall_compatibility, schema_type: report.schema_type },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
