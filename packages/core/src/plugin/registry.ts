import type { z } from 'zod';
import { MigrationArchitectError, PluginError } from '../errors/errors.js';
import { describeZodError, formatPath } from '../errors/zod-issue-path.js';
import { assertKnownKeysAt, assertKnownKeysUnder, assertPluginContract } from './contract-check.js';
import {
  CHECKING_KEYS,
  checkingPartSchemaExamplesOnRead,
  PLANNING_KEYS,
  pluginContractSchema,
  pluginHeadSchema,
  pluginPartSchema,
  ruleExamplesSchema,
  ruleKeys,
  type PluginPart,
} from './contract-schemas.js';
import type {
  Checker,
  CompatibilityRule,
  MigrationLayout,
  SchemaSource,
  CommunicationContribution,
  ContributionOrder,
  MigrationTypeDefinition,
  PatternDefinition,
  PhaseTemplate,
  PluginMeta,
  ResolvedPlugin,
  RiskTemplate,
  RollbackTemplate,
  RuleExample,
  TriggerTemplate,
} from './contract-types.js';
import { qualifiedId } from './qualified-id.js';

/** A contribution with the name and namespace of the plugin that made it. */
export type Owned<T> = T & { plugin: string; namespace: string };

const ORDER_RANK: Record<ContributionOrder, number> = { pre: 0, normal: 1, post: 2 };

/** One index of contributions where a key may be claimed by one plugin only. */
class UniqueIndex<T> {
  private readonly entries = new Map<string, Owned<T>>();

  constructor(private readonly what: string) {}

  add(key: string, value: T, plugin: string, namespace: string): void {
    const existing = this.entries.get(key);
    if (existing) {
      throw new PluginError(
        existing.plugin === plugin
          ? `${this.what} "${key}" is contributed twice by plugin "${plugin}"`
          : `${this.what} "${key}" is contributed by both plugin "${existing.plugin}" and plugin "${plugin}"`,
      );
    }
    this.entries.set(key, { ...value, plugin, namespace });
  }

  get(key: string): Owned<T> | undefined {
    return this.entries.get(key);
  }

  values(): Owned<T>[] {
    return [...this.entries.values()];
  }
}

function pluginLabel(candidate: unknown, index: number): string {
  const name = (candidate as { meta?: { name?: unknown } } | null)?.meta?.name;
  return typeof name === 'string' && name ? name : `#${index + 1}`;
}

export interface RegistryOptions {
  /**
   * `all` (the default): every plugin is validated whole when the registry is made, and an
   * invalid one throws there. `on-use`: only each plugin's contract version, meta and options
   * then; its planning part (migration types, patterns, templates) is validated when first asked
   * for, and its checking part (checkers, sources, migration layouts) likewise, so a command
   * validates only what it uses (a `plan` never pays for a checker's rules). `plugins` validates both.
   */
  validate?: 'all' | 'on-use';
  /** Named by the errors of a validation on use, as the caller would have named it (the config file the plugins come from). */
  file?: string;
}

/** What the registry keeps of one plugin before its parts are validated. */
interface PluginHead {
  candidate: unknown;
  label: string;
  head: Pick<ResolvedPlugin, 'apiVersion' | 'meta' | 'options'>;
  planning?: Pick<ResolvedPlugin, (typeof PLANNING_KEYS)[number]>;
  checking?: Pick<ResolvedPlugin, (typeof CHECKING_KEYS)[number]>;
}

function parseOrThrow<T>(schema: z.ZodType, value: unknown, label: string, at: readonly (string | number)[] = []): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const { message } = describeZodError(parsed.error);
    const path = formatPath([...at, ...(first?.path ?? [])]);
    throw new PluginError(`plugin "${label}" is invalid: ${path ? `${path}: ` : ''}${message}`);
  }
  return parsed.data as T;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` without `key`, its other properties (getters included) copied without being read. */
function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const descriptors = Object.getOwnPropertyDescriptors(value);
  delete descriptors[key];
  return Object.create(Object.getPrototypeOf(value), descriptors);
}

/**
 * The plugin as the checking part's validation on use sees it: each checker's rules without their
 * examples, which are not read (a plugin may build them on demand, and a check never reads them).
 */
function withoutRuleExamples(candidate: unknown): unknown {
  if (!isObject(candidate) || !Array.isArray(candidate['checkers'])) return candidate;
  const checkers = candidate['checkers'].map((checker: unknown) =>
    isObject(checker) && Array.isArray(checker['rules'])
      ? { ...checker, rules: checker['rules'].map((rule: unknown) => (isObject(rule) ? without(rule, 'examples') : rule)) }
      : checker,
  );
  return Object.create(Object.getPrototypeOf(candidate), { ...Object.getOwnPropertyDescriptors(candidate), checkers: { value: checkers, enumerable: true } });
}

/**
 * Everything the loaded plugins contribute, validated and merged. Core's engines read only this:
 * a registry with no plugins plans nothing and checks nothing.
 */
export class PluginRegistry {
  private readonly heads: PluginHead[] = [];
  private readonly file: string | undefined;
  /** On use, the rules' examples are validated when first read (documentation: `rules`, the catalog, tests). */
  private readonly examplesOnRead: boolean;
  private resolved: ResolvedPlugin[] | undefined;
  private readonly typeIndex = new UniqueIndex<MigrationTypeDefinition>('migration type');
  private readonly patternIndex = new UniqueIndex<PatternDefinition>('pattern');
  private readonly phaseIndex = new UniqueIndex<PhaseTemplate>('phase template');
  private readonly riskIndex = new UniqueIndex<RiskTemplate>('risk');
  private readonly rollbackIndex = new UniqueIndex<RollbackTemplate>('rollback template');
  private readonly triggerIndex = new UniqueIndex<TriggerTemplate>('trigger');
  private readonly communicationIndex = new UniqueIndex<CommunicationContribution>('communication template');
  private readonly checkerIndex = new UniqueIndex<Checker>('checker');
  private readonly sourceIndex = new UniqueIndex<SchemaSource>('source');
  private orderedSources: Owned<SchemaSource>[] | undefined;
  private readonly layoutIndex = new UniqueIndex<MigrationLayout>('migration layout');
  private orderedLayouts: Owned<MigrationLayout>[] | undefined;
  private readonly parts: Record<PluginPart, 'pending' | 'validating' | 'valid' | { failed: unknown }> = { planning: 'pending', checking: 'pending' };

  constructor(candidates: readonly unknown[], options: RegistryOptions = {}) {
    const all = options.validate !== 'on-use';
    this.file = all ? undefined : options.file;
    this.examplesOnRead = !all;
    const namespaces = new Map<string, string>();
    candidates.forEach((candidate, index) => {
      const label = pluginLabel(candidate, index);
      // Validating everything now: one walk for unknown keys over the whole plugin, so the error lists them all.
      assertPluginContract(candidate, label, all ? pluginContractSchema() : pluginHeadSchema());
      const { apiVersion, meta, options: pluginOptions } = parseOrThrow<ResolvedPlugin>(pluginHeadSchema(), candidate, label);
      const owner = namespaces.get(meta.namespace);
      if (owner) throw new PluginError(`namespace "${meta.namespace}" is claimed by both plugin "${owner}" and plugin "${meta.name}"`);
      namespaces.set(meta.namespace, meta.name);
      this.heads.push({ candidate, label, head: { apiVersion, meta, ...(pluginOptions !== undefined ? { options: pluginOptions } : {}) } });
    });
    if (all) {
      this.validatePart('planning');
      this.validatePart('checking');
    }
  }

  /** Validates, indexes and cross-checks one part of every plugin, once. */
  private validatePart(part: PluginPart): void {
    const state = this.parts[part];
    if (state === 'valid') return;
    // A part that failed fails the same way each time it is asked for (its indexes are half built).
    if (typeof state === 'object') throw state.failed;
    if (state === 'validating') throw new PluginError(`the ${part} part of the plugins is asked for while it is being validated`);
    this.parts[part] = 'validating';
    try {
      const keys = part === 'planning' ? PLANNING_KEYS : CHECKING_KEYS;
      const examplesOnRead = part === 'checking' && this.examplesOnRead;
      const schema = examplesOnRead ? checkingPartSchemaExamplesOnRead() : pluginPartSchema(part);
      for (const plugin of this.heads) {
        const candidate = examplesOnRead ? withoutRuleExamples(plugin.candidate) : plugin.candidate;
        assertKnownKeysUnder(candidate, plugin.label, schema, keys);
        if (part === 'planning') plugin.planning = parseOrThrow(schema, candidate, plugin.label);
        else plugin.checking = parseOrThrow(schema, candidate, plugin.label);
        if (examplesOnRead) plugin.checking!.checkers = plugin.checking!.checkers.map((checker, i) => this.examplesRead(plugin, checker, i));
      }
      for (const plugin of this.heads) {
        if (part === 'planning') this.indexPlanning(plugin.head.meta, plugin.planning!);
        else this.indexChecking(plugin.head.meta, plugin.checking!);
      }
      if (part === 'planning') this.crossCheck();
      else this.crossCheckChecking();
      this.parts[part] = 'valid';
    } catch (error) {
      if (error instanceof MigrationArchitectError) error.withFile(this.file);
      this.parts[part] = { failed: error };
      throw error;
    }
  }

  /** The checker with each rule's examples put back, in their place, validated when first read. */
  private examplesRead(plugin: PluginHead, checker: Checker, index: number): Checker {
    const rules = (plugin.candidate as { checkers: { rules: Record<string, unknown>[] }[] }).checkers[index]!.rules;
    return {
      ...checker,
      rules: checker.rules.map((rule, i) => {
        let examples: RuleExample[] | undefined;
        const read = () => {
          const at = ['checkers', index, 'rules', i, 'examples'];
          try {
            const given = rules[i]!['examples'];
            assertKnownKeysAt(given, plugin.label, ruleExamplesSchema(), at);
            return parseOrThrow<RuleExample[]>(ruleExamplesSchema(), given, plugin.label, at);
          } catch (error) {
            if (error instanceof MigrationArchitectError) error.withFile(this.file);
            throw error;
          }
        };
        const withExamples = {} as CompatibilityRule;
        // The keys in the order a whole validation gives them.
        for (const key of ruleKeys()) {
          if (key === 'examples') Object.defineProperty(withExamples, key, { get: () => (examples ??= read()), enumerable: true, configurable: true });
          else if (key in rule)
            Object.defineProperty(withExamples, key, { value: rule[key as keyof CompatibilityRule], enumerable: true, writable: true, configurable: true });
        }
        return withExamples;
      }),
    };
  }

  private planning(): this {
    if (this.parts.planning !== 'valid') this.validatePart('planning');
    return this;
  }

  private checking(): this {
    if (this.parts.checking !== 'valid') this.validatePart('checking');
    return this;
  }

  /** Every plugin, validated whole (with `on-use`, asking for this validates what was not yet). */
  get plugins(): readonly ResolvedPlugin[] {
    this.planning().checking();
    // Whole: the rules' examples too.
    for (const plugin of this.heads) for (const checker of plugin.checking!.checkers) for (const rule of checker.rules) void rule.examples;
    this.resolved ??= this.heads.map(({ head: { apiVersion, meta, options }, planning, checking }) => ({
      apiVersion,
      meta,
      ...planning!,
      ...checking!,
      ...(options !== undefined ? { options } : {}),
    }));
    return this.resolved;
  }

  /** The loaded plugins' meta (name, version, namespace), in load order, without validating their parts. */
  pluginMetas(): PluginMeta[] {
    return this.heads.map((plugin) => plugin.head.meta);
  }

  private indexPlanning(meta: PluginMeta, plugin: NonNullable<PluginHead['planning']>): void {
    const name = meta.name;
    const ns = meta.namespace;
    const own = <T>(index: UniqueIndex<T>, key: string, value: T) => index.add(key, value, name, ns);
    for (const type of plugin.migrationTypes) own(this.typeIndex, type.id, type);
    for (const pattern of plugin.patterns) own(this.patternIndex, `${pattern.type}/${pattern.id}`, pattern);
    for (const phase of plugin.phases) own(this.phaseIndex, `${phase.type}/${phase.id}`, phase);
    for (const risk of plugin.risks) own(this.riskIndex, qualifiedId(ns, risk.id), risk);
    for (const rollback of plugin.rollbacks) own(this.rollbackIndex, qualifiedId(ns, rollback.id), rollback);
    for (const trigger of plugin.triggers) own(this.triggerIndex, qualifiedId(ns, trigger.id), trigger);
    for (const message of plugin.communications) own(this.communicationIndex, qualifiedId(ns, message.id), message);
  }

  private indexChecking(meta: PluginMeta, plugin: NonNullable<PluginHead['checking']>): void {
    const name = meta.name;
    const ns = meta.namespace;
    const own = <T>(index: UniqueIndex<T>, key: string, value: T) => index.add(key, value, name, ns);
    for (const source of plugin.sources) own(this.sourceIndex, qualifiedId(ns, source.id), source);
    for (const layout of plugin.migrationLayouts) own(this.layoutIndex, qualifiedId(ns, layout.id), layout);
    for (const checker of plugin.checkers) {
      const ruleIds = new Set<string>();
      const kinds = checker.changeKinds ? new Set(checker.changeKinds) : undefined;
      checker.rules.forEach((rule, i) => {
        const where = `checkers.${checker.id}.rules[${i}]`;
        if (ruleIds.has(rule.id)) throw new PluginError(`plugin "${name}" is invalid: ${where}.id: rule "${rule.id}" appears twice`);
        if (kinds && !kinds.has(rule.change)) {
          throw new PluginError(
            `plugin "${name}" is invalid: ${where}.change: rule "${rule.id}" classifies "${rule.change}", which is not among the checker's changeKinds`,
          );
        }
        ruleIds.add(rule.id);
      });
      own(this.checkerIndex, checker.id, checker);
    }
  }

  /** References between contributions must resolve, whichever plugin made them. */
  private crossCheck(): void {
    const needType = (type: string, what: string, plugin: string) => {
      if (!this.typeIndex.get(type)) {
        throw new PluginError(`plugin "${plugin}": ${what} is for migration type "${type}", which no loaded plugin provides`);
      }
    };
    const needPhase = (type: string, phase: string, what: string, plugin: string) => {
      if (!this.phaseIndex.get(`${type}/${phase}`)) {
        throw new PluginError(`plugin "${plugin}": ${what} uses phase "${phase}", but no loaded plugin has a phase template "${type}/${phase}"`);
      }
    };
    for (const type of this.typeIndex.values()) {
      for (const phase of type.defaultPlan.phases) needPhase(type.id, phase, `migration type "${type.id}" (default plan)`, type.plugin);
    }
    for (const pattern of this.patternIndex.values()) {
      needType(pattern.type, `pattern "${pattern.id}"`, pattern.plugin);
      for (const phase of pattern.phases) needPhase(pattern.type, phase, `pattern "${pattern.type}/${pattern.id}"`, pattern.plugin);
      for (const [phase, after] of Object.entries(pattern.dependencies)) {
        for (const name of [phase, ...after]) {
          if (!pattern.phases.includes(name)) {
            throw new PluginError(
              `plugin "${pattern.plugin}": pattern "${pattern.type}/${pattern.id}" dependencies name phase "${name}", which is not among its phases (${pattern.phases.join(', ')})`,
            );
          }
        }
      }
    }
    for (const phase of this.phaseIndex.values()) needType(phase.type, `phase template "${phase.id}"`, phase.plugin);
    for (const risk of this.riskIndex.values()) {
      needType(risk.type, `risk "${risk.id}"`, risk.plugin);
      if (risk.when && !risk.condition) {
        throw new PluginError(`plugin "${risk.plugin}": risk "${risk.id}" has a "when" function but no "condition" describing it`);
      }
    }
    for (const rollback of this.rollbackIndex.values()) {
      needType(rollback.type, `rollback template "${rollback.id}"`, rollback.plugin);
      for (const phase of rollback.phases) needPhase(rollback.type, phase, `rollback template "${rollback.id}"`, rollback.plugin);
    }
    for (const trigger of this.triggerIndex.values()) needType(trigger.type, `trigger "${trigger.id}"`, trigger.plugin);
    for (const message of this.communicationIndex.values()) needType(message.type, `communication template "${message.id}"`, message.plugin);
  }

  /** Sources and migration layouts must name a loaded checker. */
  private crossCheckChecking(): void {
    for (const source of this.sourceIndex.values()) {
      if (!this.checkerIndex.get(source.checker)) {
        throw new PluginError(
          `plugin "${source.plugin}": source "${source.id}" reads schemas for checker "${source.checker}", which no loaded plugin provides`,
        );
      }
    }
    for (const layout of this.layoutIndex.values()) {
      if (!this.checkerIndex.get(layout.checker)) {
        throw new PluginError(`plugin "${layout.plugin}": migration layout "${layout.id}" is for checker "${layout.checker}", which no loaded plugin provides`);
      }
    }
  }

  get isEmpty(): boolean {
    return this.heads.length === 0;
  }

  migrationTypes(): Owned<MigrationTypeDefinition>[] {
    return this.planning().typeIndex.values();
  }

  migrationType(id: string): Owned<MigrationTypeDefinition> | undefined {
    return this.planning().typeIndex.get(id);
  }

  patterns(type?: string): Owned<PatternDefinition>[] {
    return this.planning()
      .patternIndex.values()
      .filter((p) => type === undefined || p.type === type);
  }

  pattern(type: string, id: string): Owned<PatternDefinition> | undefined {
    return this.planning().patternIndex.get(`${type}/${id}`);
  }

  phaseTemplate(type: string, id: string): Owned<PhaseTemplate> | undefined {
    return this.planning().phaseIndex.get(`${type}/${id}`);
  }

  /** Ids of the phase templates of a migration type. */
  phaseTemplateIds(type: string): string[] {
    return this.planning()
      .phaseIndex.values()
      .filter((p) => p.type === type)
      .map((p) => p.id);
  }

  risks(type: string): Owned<RiskTemplate>[] {
    return this.planning()
      .riskIndex.values()
      .filter((r) => r.type === type);
  }

  /** Rollback templates for one phase of one type, in plugin order. */
  rollbacksFor(type: string, phase: string): Owned<RollbackTemplate>[] {
    return this.planning()
      .rollbackIndex.values()
      .filter((r) => r.type === type && r.phases.includes(phase));
  }

  triggers(type: string): Owned<TriggerTemplate>[] {
    return this.planning()
      .triggerIndex.values()
      .filter((t) => t.type === type);
  }

  communications(type: string): Owned<CommunicationContribution>[] {
    return this.planning()
      .communicationIndex.values()
      .filter((c) => c.type === type);
  }

  checkers(): Owned<Checker>[] {
    return this.checking().checkerIndex.values();
  }

  checker(id: string): Owned<Checker> | undefined {
    return this.checking().checkerIndex.get(id);
  }

  /**
   * Sources in the order they are asked: `pre`, `normal`, `post`, then plugin load order, then
   * each plugin's list order. With a checker id, only the sources for that checker.
   */
  sources(checkerId?: string): Owned<SchemaSource>[] {
    this.checking();
    this.orderedSources ??= this.sourceIndex
      .values()
      .map((source, position) => ({ source, position }))
      .sort((a, b) => ORDER_RANK[a.source.order] - ORDER_RANK[b.source.order] || a.position - b.position)
      .map(({ source }) => source);
    return checkerId === undefined ? this.orderedSources : this.orderedSources.filter((s) => s.checker === checkerId);
  }

  /** Migration-folder layouts in the order they are asked (as sources are ordered); with a checker id, only its layouts. */
  migrationLayouts(checkerId?: string): Owned<MigrationLayout>[] {
    this.checking();
    this.orderedLayouts ??= this.layoutIndex
      .values()
      .map((layout, position) => ({ layout, position }))
      .sort((a, b) => ORDER_RANK[a.layout.order] - ORDER_RANK[b.layout.order] || a.position - b.position)
      .map(({ layout }) => layout);
    return checkerId === undefined ? this.orderedLayouts : this.orderedLayouts.filter((l) => l.checker === checkerId);
  }
}

export function createRegistry(plugins: readonly unknown[], options?: RegistryOptions): PluginRegistry {
  return new PluginRegistry(plugins, options);
}
