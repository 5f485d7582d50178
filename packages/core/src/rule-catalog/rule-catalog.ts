import type { ChangeSeverity } from '../documents/levels.js';
import type { PluginRegistry } from '../plugin/registry.js';

/** What tools and docs need to know about one rule, without its functions. */
export interface RuleSummary {
  /** `namespace/rule-id`, as reports name it. */
  id: string;
  code: string | null;
  slug: string;
  checker: string;
  severity: ChangeSeverity;
  title: string;
  description: string;
  safeAlternative: string;
  issueType: string;
  examples: { name?: string | undefined; before: unknown; after: unknown }[];
}

/** Every rule of every loaded checker (or of one), in checker order. */
export function ruleCatalog(registry: PluginRegistry, checkerId?: string): RuleSummary[] {
  return registry
    .checkers()
    .filter((checker) => checkerId === undefined || checker.id === checkerId)
    .flatMap((checker) => {
      const namespace = registry.namespaceOf(checker.plugin);
      return checker.rules.map((rule) => ({
        id: `${namespace}/${rule.id}`,
        code: rule.code ?? null,
        slug: rule.id,
        checker: checker.id,
        severity: rule.severity,
        title: rule.title,
        description: rule.description,
        safeAlternative: rule.safeAlternative,
        issueType: rule.issueType,
        examples: rule.examples,
      }));
    });
}
