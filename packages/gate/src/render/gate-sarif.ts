import { acceptanceSuppressionKind, type ChangeSeverity, type CompatibilityIssue, describeAcceptance, type RuleSummary } from '@migration-architect/core';
import type { GateResult } from '../report/gate-result.js';
import { gateRuleSummaries } from '../report/gate-rules.js';
import { inlineAcceptances } from '../report/inline-acceptances.js';

const LEVEL: Record<ChangeSeverity, 'error' | 'warning' | 'note'> = {
  breaking: 'error',
  potentially_breaking: 'warning',
  non_breaking: 'note',
  additive: 'note',
};

/**
 * SARIF 2.1.0 for GitHub code scanning: one run whose driver lists every rule of every loaded
 * checker and the gate's own (so a rule's help is there even for findings of later runs), one
 * result per finding at its file and line, accepted findings as results with a suppression that
 * carries the reason: external for the ledger's, in-source for those written in the input.
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
  const issueResult = (issue: CompatibilityIssue, suppression?: { kind: 'external' | 'inSource'; justification: string }) => {
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
            suppressions: [{ kind: suppression.kind, status: 'accepted', justification: suppression.justification }],
          }
        : {}),
    };
  };
  const results = [
    ...result.inputs.flatMap((input) => (input.report?.issues ?? []).map((issue) => issueResult(issue))),
    ...result.acceptance.accepted.map((a) =>
      issueResult(a.issue, { kind: 'external', justification: `${a.entry.reason} (accepted by ${a.entry.accepted_by} until ${a.entry.expires})` }),
    ),
    // Accepted by the input itself (a `-- migration-architect-ignore` comment, a plugin option).
    ...inlineAcceptances(result).map((a) => issueResult(a.issue, { kind: acceptanceSuppressionKind(a.entry), justification: describeAcceptance(a.entry) })),
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
