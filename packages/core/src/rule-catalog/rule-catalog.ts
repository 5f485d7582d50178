import type { ChangeSeverity } from '../documents/levels.js';
import type { Checker, CompatibilityRule, RuleExample } from '../plugin/contract-types.js';
import { qualifiedId } from '../plugin/qualified-id.js';
import type { Owned, PluginRegistry } from '../plugin/registry.js';

/** What tools and docs need to know about one rule, without its functions. */
export interface RuleSummary {
  /** `namespace/rule-id`, as reports name it. */
  id: string;
  code: string | null;
  slug: string;
  checker: string;
  /** The package of the plugin that contributes it. */
  plugin: string;
  severity: ChangeSeverity;
  title: string;
  description: string;
  safeAlternative: string;
  /** How to undo the change once applied; null when the rule does not say. */
  rollback: string | null;
  issueType: string;
  /** The rule's docs page: its own `docsUrl`, or the plugin's with the rule's anchor (`#db102-table-removed`); null when neither is given. */
  docsUrl: string | null;
  examples: RuleExample[];
}

/** The heading anchor of a rule in generated rule docs: `db102-table-removed`, or the id alone. */
export function ruleAnchor(rule: { code?: string | null | undefined; id: string }): string {
  return (rule.code ? `${rule.code}-${rule.id}` : rule.id).toLowerCase();
}

function docsUrlOf(rule: CompatibilityRule, pluginDocs: string | undefined): string | null {
  if (rule.docsUrl) return rule.docsUrl;
  if (!pluginDocs) return null;
  return `${pluginDocs}#${ruleAnchor(rule)}`;
}

/** Every rule of every loaded checker (or of one), in checker order. */
export function ruleCatalog(registry: PluginRegistry, checkerId?: string): RuleSummary[] {
  return registry
    .checkers()
    .filter((checker) => checkerId === undefined || checker.id === checkerId)
    .flatMap((checker: Owned<Checker>) => {
      // The plugin's meta only: `registry.plugins` would validate its planning part, which a check never uses.
      const pluginDocs = registry.pluginMetas().find((meta) => meta.name === checker.plugin)?.docsUrl;
      return checker.rules.map((rule) => ({
        id: qualifiedId(checker.namespace, rule.id),
        code: rule.code ?? null,
        slug: rule.id,
        checker: checker.id,
        plugin: checker.plugin,
        severity: rule.severity,
        title: rule.title,
        description: rule.description,
        safeAlternative: rule.safeAlternative,
        rollback: rule.rollback ?? null,
        issueType: rule.issueType,
        docsUrl: docsUrlOf(rule, pluginDocs),
        // Read when used (the rules' docs and listings): a check's report carries the catalog for the rules' docs only.
        get examples() {
          return rule.examples;
        },
      }));
    });
}
