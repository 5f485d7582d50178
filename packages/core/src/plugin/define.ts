import { documentPreview } from '../compatibility/document-preview.js';
import type {
  CheckerInput,
  CompatibilityRuleInput,
  MigrationArchitectPlugin,
  RiskTemplateInput,
  SchemaChange,
  SchemaInputHandle,
  SchemaRead,
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
export function defineChecker<Model, Change extends SchemaChange<any, any> = SchemaChange>(checker: CheckerInput<Model, Change>): CheckerInput<Model, Change> {
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

/** A source for a JSON/YAML document format: what `defineDocumentSource` takes. */
export interface DocumentSourceInput<Model> extends Omit<SchemaSourceInput<Model>, 'read'> {
  /** True when a parsed document is obviously this format; asked only when the user did not name the checker. */
  recognizes: (document: unknown) => boolean;
  /** Builds the model; throws InputDataError with a path on what does not fit. `summary` defaults to the document's first 500 characters. */
  load: (document: unknown, input: SchemaInputHandle) => SchemaRead<Model> | Promise<SchemaRead<Model>>;
}

/**
 * A source for a JSON/YAML format: it answers for `.json`, `.yaml`, `.yml` and extension-less
 * files and in-memory documents, when the document `recognizes` as its format or the user named
 * the checker (`--type`), and leaves everything else to other sources.
 */
export function defineDocumentSource<Model>(source: DocumentSourceInput<Model>): SchemaSourceInput<Model> {
  const { recognizes, load, ...rest } = source;
  return {
    ...rest,
    read: async (input) => {
      if (!input.isDocumentFile()) return undefined;
      const document = await input.document();
      if (!input.explicit && !recognizes(document)) return undefined;
      const read = await load(document, input);
      return { ...read, summary: read.summary ?? documentPreview(document) };
    },
  };
}

/**
 * A risk's `when` as the facts that raise it: `when: raisedBy('zero-downtime', 'large-table')`
 * adds the risk when the spec has any of these facts (core's or the type's) and names them in the plan.
 */
export function raisedBy(...ids: string[]): NonNullable<RiskTemplateInput['when']> {
  return (_spec, facts) => facts.filter((fact) => ids.includes(fact.id));
}
