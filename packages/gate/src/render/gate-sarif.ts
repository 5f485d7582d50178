import type { ChangeSeverity, CompatibilityIssue, RuleSummary } from '@migration-architect/core';
import type { GateResult } from '../report/gate-result.js';
import { gateRuleSummaries } from '../report/gate-rules.js';

const LEVEL: Record<ChangeSeverity, 'error' | 'warning' | 'note'> = {
  breaking: 'error',
  potentially_breaking: 'warning',
  non_breaking: 'note',
  additive: 'note',
};

/**
 * SARIF 2.1.0 for GitHub code scanning: one run whose driver lists every rule of every loaded
 * checker and the gate's own (so a rule's help is there even for findings of later runs), one
 * result per finding at its file and line, accepted findings as results with an external
 * suppression that carries the ledger's reason.
 */
export function renderGateSarif(result: GateResult, rules: RuleSummary[]): string {
  const all = [...rules, ...gateRuleSummaries()];
  const sarifId = (rule: { id: string; code: string | null }) => rule.code ?? rule.id;
  const descriptors = all.map((rule) => ({
    id: sarifId(rule),
    name: rule.slug,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: `Safe alternative: ${rule.safeAlternative}`, markdown: `**Safe alternative:** ${rule.safeAlternative}` },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [rule.checker, rule.severity], 'migration-architect/id': rule.id },
  }));
  const index = new Map(all.map((rule, i) => [rule.id, i]));
  const issueResult = (issue: CompatibilityIssue, suppression?: { reason: string; by: string; expires: string }) => {
    const ruleIndex = index.get(issue.rule);
    return {
      ruleId: issue.code ?? issue.rule,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: LEVEL[issue.severity],
      message: { text: `${issue.description}. ${issue.suggested_migration}` },
      locations: issue.location
        ? [
            {
              physicalLocation: {
                artifactLocation: { uri: issue.location.file },
                ...(issue.location.line ? { region: { startLine: issue.location.line } } : {}),
              },
              logicalLocations: [{ fullyQualifiedName: issue.field_path }],
            },
          ]
        : [],
      properties: { severity: issue.severity, rule: issue.rule },
      ...(suppression
        ? {
            suppressions: [
              { kind: 'external', status: 'accepted', justification: `${suppression.reason} (accepted by ${suppression.by} until ${suppression.expires})` },
            ],
          }
        : {}),
    };
  };
  const results = [
    ...result.inputs.flatMap((input) => (input.report?.issues ?? []).map((issue) => issueResult(issue))),
    ...result.acceptance.accepted.map((a) => issueResult(a.issue, { reason: a.entry.reason, by: a.entry.accepted_by, expires: a.entry.expires })),
  ];
  const notifications = result.inputs
    .filter((i) => i.error)
    .map((i) => ({ level: 'error', message: { text: i.error! }, locations: [{ physicalLocation: { artifactLocation: { uri: i.path } } }] }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'migration-architect',
            version: result.tool.version,
            informationUri: 'https://github.com/migration-architect/migration-architect',
            rules: descriptors,
          },
        },
        automationDetails: { id: 'migration-architect/gate/' },
        versionControlProvenance: [{ repositoryUri: 'file:///', revisionId: result.head.commit ?? result.base.commit }],
        invocations: [{ executionSuccessful: !result.inputs.some((i) => i.error), toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
