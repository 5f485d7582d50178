import { PluginError } from '../errors/errors.js';
import { describeZodError } from '../errors/zod-issue-path.js';
import { assertPluginContract } from './contract-check.js';
import { pluginContractSchema } from './contract-schemas.js';
import type {
  Checker,
  MigrationLayout,
  SchemaSource,
  CommunicationContribution,
  ContributionOrder,
  MigrationTypeDefinition,
  PatternDefinition,
  PhaseTemplate,
  ResolvedPlugin,
  RiskTemplate,
  RollbackTemplate,
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

/**
 * Everything the loaded plugins contribute, validated and merged. Core's engines read only this:
 * a registry with no plugins plans nothing and checks nothing.
 */
export class PluginRegistry {
  readonly plugins: readonly ResolvedPlugin[];
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

  constructor(candidates: readonly unknown[]) {
    const resolved: ResolvedPlugin[] = [];
    const namespaces = new Map<string, string>();
    candidates.forEach((candidate, index) => {
      const label = pluginLabel(candidate, index);
      const schema = pluginContractSchema();
      assertPluginContract(candidate, label, schema);
      const parsed = schema.safeParse(candidate);
      if (!parsed.success) {
        const { path, message } = describeZodError(parsed.error);
        throw new PluginError(`plugin "${label}" is invalid: ${path ? `${path}: ` : ''}${message}`);
      }
      const plugin = parsed.data;
      const owner = namespaces.get(plugin.meta.namespace);
      if (owner) {
        throw new PluginError(`namespace "${plugin.meta.namespace}" is claimed by both plugin "${owner}" and plugin "${plugin.meta.name}"`);
      }
      namespaces.set(plugin.meta.namespace, plugin.meta.name);
      resolved.push(plugin);
    });
    this.plugins = resolved;
    for (const plugin of resolved) this.index(plugin);
    this.crossCheck();
    this.crossCheckLayouts();
  }

  private index(plugin: ResolvedPlugin): void {
    const name = plugin.meta.name;
    const ns = plugin.meta.namespace;
    const own = <T>(index: UniqueIndex<T>, key: string, value: T) => index.add(key, value, name, ns);
    for (const type of plugin.migrationTypes) own(this.typeIndex, type.id, type);
    for (const pattern of plugin.patterns) own(this.patternIndex, `${pattern.type}/${pattern.id}`, pattern);
    for (const phase of plugin.phases) own(this.phaseIndex, `${phase.type}/${phase.id}`, phase);
    for (const risk of plugin.risks) own(this.riskIndex, qualifiedId(ns, risk.id), risk);
    for (const rollback of plugin.rollbacks) own(this.rollbackIndex, qualifiedId(ns, rollback.id), rollback);
    for (const trigger of plugin.triggers) own(this.triggerIndex, qualifiedId(ns, trigger.id), trigger);
    for (const message of plugin.communications) own(this.communicationIndex, qualifiedId(ns, message.id), message);
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
    for (const source of this.sourceIndex.values()) {
      if (!this.checkerIndex.get(source.checker)) {
        throw new PluginError(
          `plugin "${source.plugin}": source "${source.id}" reads schemas for checker "${source.checker}", which no loaded plugin provides`,
        );
      }
    }
  }

  private crossCheckLayouts(): void {
    for (const layout of this.layoutIndex.values()) {
      if (!this.checkerIndex.get(layout.checker)) {
        throw new PluginError(`plugin "${layout.plugin}": migration layout "${layout.id}" is for checker "${layout.checker}", which no loaded plugin provides`);
      }
    }
  }

  get isEmpty(): boolean {
    return this.plugins.length === 0;
  }

  migrationTypes(): Owned<MigrationTypeDefinition>[] {
    return this.typeIndex.values();
  }

  migrationType(id: string): Owned<MigrationTypeDefinition> | undefined {
    return this.typeIndex.get(id);
  }

  patterns(type?: string): Owned<PatternDefinition>[] {
    return this.patternIndex.values().filter((p) => type === undefined || p.type === type);
  }

  pattern(type: string, id: string): Owned<PatternDefinition> | undefined {
    return this.patternIndex.get(`${type}/${id}`);
  }

  phaseTemplate(type: string, id: string): Owned<PhaseTemplate> | undefined {
    return this.phaseIndex.get(`${type}/${id}`);
  }

  /** Ids of the phase templates of a migration type. */
  phaseTemplateIds(type: string): string[] {
    return this.phaseIndex
      .values()
      .filter((p) => p.type === type)
      .map((p) => p.id);
  }

  risks(type: string): Owned<RiskTemplate>[] {
    return this.riskIndex.values().filter((r) => r.type === type);
  }

  /** Rollback templates for one phase of one type, in plugin order. */
  rollbacksFor(type: string, phase: string): Owned<RollbackTemplate>[] {
    return this.rollbackIndex.values().filter((r) => r.type === type && r.phases.includes(phase));
  }

  triggers(type: string): Owned<TriggerTemplate>[] {
    return this.triggerIndex.values().filter((t) => t.type === type);
  }

  communications(type: string): Owned<CommunicationContribution>[] {
    return this.communicationIndex.values().filter((c) => c.type === type);
  }

  checkers(): Owned<Checker>[] {
    return this.checkerIndex.values();
  }

  checker(id: string): Owned<Checker> | undefined {
    return this.checkerIndex.get(id);
  }

  /**
   * Sources in the order they are asked: `pre`, `normal`, `post`, then plugin load order, then
   * each plugin's list order. With a checker id, only the sources for that checker.
   */
  sources(checkerId?: string): Owned<SchemaSource>[] {
    this.orderedSources ??= this.sourceIndex
      .values()
      .map((source, position) => ({ source, position }))
      .sort((a, b) => ORDER_RANK[a.source.order] - ORDER_RANK[b.source.order] || a.position - b.position)
      .map(({ source }) => source);
    return checkerId === undefined ? this.orderedSources : this.orderedSources.filter((s) => s.checker === checkerId);
  }

  /** Migration-folder layouts in the order they are asked (as sources are ordered); with a checker id, only its layouts. */
  migrationLayouts(checkerId?: string): Owned<MigrationLayout>[] {
    this.orderedLayouts ??= this.layoutIndex
      .values()
      .map((layout, position) => ({ layout, position }))
      .sort((a, b) => ORDER_RANK[a.layout.order] - ORDER_RANK[b.layout.order] || a.position - b.position)
      .map(({ layout }) => layout);
    return checkerId === undefined ? this.orderedLayouts : this.orderedLayouts.filter((l) => l.checker === checkerId);
  }
}

export function createRegistry(plugins: readonly unknown[]): PluginRegistry {
  return new PluginRegistry(plugins);
}
