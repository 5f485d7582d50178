import type {
  CheckerInput,
  CompatibilityRuleInput,
  MigrationArchitectPlugin,
  SchemaChange,
  SchemaSourceInput,
} from './contract-types.js';

/*
 * Identity helpers, ESLint / Vite style: they return what they are given and exist for types and
 * completion. Validation happens when the registry loads the plugin.
 */

export function definePlugin<const P extends MigrationArchitectPlugin>(plugin: P): P {
  return plugin;
}

/**
 * A checker with its model and change types, so rules get typed changes:
 * `defineChecker<ApiModel, ApiChange>({ diff, rules: [...] })`.
 */
export function defineChecker<Model, Change extends SchemaChange<any, any> = SchemaChange>(
  checker: CheckerInput<Model, Change>,
): CheckerInput<Model, Change> {
  return checker;
}

export function defineRule<Model = any, Change extends SchemaChange<any, any> = SchemaChange>(
  rule: CompatibilityRuleInput<Model, Change>,
): CompatibilityRuleInput<Model, Change> {
  return rule;
}

export function defineSource<Model>(source: SchemaSourceInput<Model>): SchemaSourceInput<Model> {
  return source;
}
