import { describe, expect, it } from 'vitest';
import { createRegistry, PluginError, ruleCatalog } from '../src/index.js';
// @ts-expect-error: a plain JavaScript plugin, deliberately without types
import searchIndexPlugin from './fixtures/search-index-plugin-contract-1.mjs';
import { toyPlugin } from './fixtures/toy-plugin.js';

const GUIDE = 'https://github.com/migration-architect/migration-architect/blob/main/docs/plugin-authoring.md#migrating-from-contract-1-to-2';

function refusal(candidate: unknown): string {
  try {
    createRegistry([candidate]);
  } catch (error) {
    expect(error).toBeInstanceOf(PluginError);
    return (error as Error).message;
  }
  throw new Error('the registry accepted the plugin');
}

describe('plugin registry', () => {
  it('is empty with no plugins and knows no migration type', () => {
    const registry = createRegistry([]);
    expect(registry.isEmpty).toBe(true);
    expect(registry.migrationTypes()).toEqual([]);
    expect(registry.checkers()).toEqual([]);
  });

  it('indexes every contribution of a valid plugin', () => {
    const registry = createRegistry([toyPlugin()]);
    expect(registry.migrationType('toy')?.plugin).toBe('toy-plugin');
    expect(registry.pattern('toy', 'careful')?.phases).toEqual(['prepare', 'copy', 'move']);
    expect(registry.rollbacksFor('toy', 'move')).toHaveLength(1);
    expect(registry.rollbacksFor('toy', 'copy')).toHaveLength(0);
    expect(registry.checker('kv')?.rules).toHaveLength(4);
  });

  it('names the plugin and the path of an invalid contribution', () => {
    const bad = toyPlugin();
    (bad.patterns![0] as { complexityMultiplier: unknown }).complexityMultiplier = { low: 1, medium: 'x', high: 1, critical: 1 };
    expect(() => createRegistry([bad])).toThrowError(/plugin "toy-plugin" is invalid: patterns\[0\]\.complexityMultiplier\.medium/);
  });

  it('refuses a plugin built for a newer contract, saying both versions and what to upgrade', () => {
    expect(refusal({ ...toyPlugin(), apiVersion: 3 })).toBe(
      'plugin "toy-plugin" cannot be loaded: it implements plugin contract 3, but this core implements contract 2; upgrade @migration-architect/core and the CLI, or use a release of the plugin written for contract 2',
    );
  });

  describe('a plugin written for contract 1 (JavaScript, as its author left it)', () => {
    it('is refused in one line naming the plugin, both versions and the migration guide', () => {
      const message = refusal(searchIndexPlugin());
      expect(message).toBe(
        `plugin "migration-architect-plugin-search-index" cannot be loaded: it implements plugin contract 1, but this core implements contract 2; port it with the migration guide: ${GUIDE}`,
      );
      expect(message).not.toContain('\n');
    });

    it('claiming contract 2 (an imported constant), is refused at the first removed key, naming its replacement and the others', () => {
      expect(refusal(searchIndexPlugin({ apiVersion: 2 }))).toBe(
        'plugin "migration-architect-plugin-search-index" is invalid: checkers[0].detect: removed in contract 2; a plugin-level source recognizes its own inputs: sources: [defineDocumentSource({ checker, recognizes, load })] (and 2 more: checkers[0].load, checkers[0].sources)',
      );
    });

    it('names the load replacement the issue asked for when only load is left', () => {
      const plugin = searchIndexPlugin({ apiVersion: 2 });
      delete plugin.checkers[0].detect;
      delete plugin.checkers[0].sources;
      expect(refusal(plugin)).toBe(
        'plugin "migration-architect-plugin-search-index" is invalid: checkers[0].load: removed in contract 2; contribute a source: sources: [defineSource({ checker, read })]',
      );
    });
  });

  it('refuses a plugin that states no contract version, saying what to write', () => {
    const { apiVersion: _, ...unversioned } = toyPlugin();
    expect(refusal(unversioned)).toBe(
      `plugin "toy-plugin" cannot be loaded: it does not state the plugin contract it implements: add apiVersion: 2 (the contract this core implements) after reading ${GUIDE}`,
    );
    expect(refusal({ ...toyPlugin(), apiVersion: '2' })).toBe(
      'plugin "toy-plugin" cannot be loaded: apiVersion: expected the contract version as a number literal (apiVersion: 2), got "2"',
    );
  });

  it('answers a misspelt key with the key it most likely meant', () => {
    const plugin = toyPlugin();
    const checker = plugin.checkers![0]! as unknown as Record<string, unknown>;
    checker.chnageKinds = checker.changeKinds;
    delete checker.changeKinds;
    expect(refusal(plugin)).toBe('plugin "toy-plugin" is invalid: checkers[0].chnageKinds: unknown key; did you mean "changeKinds"?');
    const risky = toyPlugin();
    (risky.risks![1] as unknown as Record<string, unknown>).condtion = 'typo';
    expect(refusal(risky)).toBe('plugin "toy-plugin" is invalid: risks[1].condtion: unknown key; did you mean "condition"?');
  });

  it('lists the keys it knows when an unknown key resembles none of them', () => {
    expect(refusal({ ...toyPlugin(), telemetry: true })).toMatch(
      /^plugin "toy-plugin" is invalid: telemetry: unknown key \(expected one of: apiVersion, meta, migrationTypes, patterns, phases, risks, rollbacks, triggers, communications, checkers, sources, migrationLayouts, options\)$/,
    );
  });

  it('leaves keys set to undefined alone (spreads and optional fields look like that)', () => {
    expect(() => createRegistry([{ ...toyPlugin(), telemetry: undefined }])).not.toThrow();
  });

  it('names both plugins when two claim one id', () => {
    const second = toyPlugin({
      meta: { name: 'other-toys', version: '1.0.0', namespace: 'other' },
      patterns: [],
      phases: [],
      risks: [],
      rollbacks: [],
      triggers: [],
      checkers: [],
    });
    expect(() => createRegistry([toyPlugin(), second])).toThrowError(/migration type "toy" is contributed by both plugin "toy-plugin" and plugin "other-toys"/);
  });

  it('names both plugins when two claim one namespace', () => {
    const twin = toyPlugin({ meta: { name: 'twin', version: '1.0.0', namespace: 'toy' } });
    expect(() => createRegistry([toyPlugin(), twin])).toThrowError(/namespace "toy" is claimed by both plugin "toy-plugin" and plugin "twin"/);
  });

  it('refuses a pattern whose phase has no template', () => {
    const plugin = toyPlugin();
    plugin.patterns![0]!.phases = ['prepare', 'teleport'];
    expect(() => createRegistry([plugin])).toThrowError(/pattern "toy\/careful" uses phase "teleport"/);
  });

  it('refuses a conditional risk without a description of its condition', () => {
    const plugin = toyPlugin();
    delete (plugin.risks![1] as { condition?: string }).condition;
    expect(() => createRegistry([plugin])).toThrowError(PluginError);
  });

  it('refuses contributions for a type no plugin provides', () => {
    const plugin = toyPlugin({ migrationTypes: [] });
    expect(() => createRegistry([plugin])).toThrowError(/no loaded plugin provides/);
  });
});

describe('plugin registry validating on use', () => {
  const brokenChecker = () => {
    const plugin = toyPlugin();
    (plugin.checkers![0]!.rules[0] as { id: string }).id = 'Not Kebab';
    return plugin;
  };
  const brokenPattern = () => {
    const plugin = toyPlugin();
    (plugin.patterns![0] as { complexityMultiplier: unknown }).complexityMultiplier = { low: 1, medium: 'x', high: 1, critical: 1 };
    return plugin;
  };

  it('plans with a plugin whose checker is invalid, and refuses the checker when it is asked for, as a whole validation would', () => {
    const eager = refusal(brokenChecker());
    expect(eager).toMatch(/plugin "toy-plugin" is invalid: checkers\[0\]\.rules\[0\]\.id: expected a kebab-case rule id/);
    const registry = createRegistry([brokenChecker()], { validate: 'on-use' });
    expect(registry.pluginMetas().map((meta) => meta.namespace)).toEqual(['toy']);
    expect(registry.migrationType('toy')?.plugin).toBe('toy-plugin');
    expect(registry.pattern('toy', 'careful')?.phases).toEqual(['prepare', 'copy', 'move']);
    for (const ask of [() => registry.checkers(), () => registry.checker('kv'), () => registry.sources(), () => registry.plugins]) {
      expect(ask).toThrowError(PluginError);
      expect(ask).toThrowError(eager);
    }
  });

  it('checks with a plugin whose planning part is invalid, and refuses it when a plan asks', () => {
    const eager = refusal(brokenPattern());
    const registry = createRegistry([brokenPattern()], { validate: 'on-use', file: 'migration-architect.config.yaml' });
    expect(registry.checker('kv')?.rules).toHaveLength(4);
    // A check's report lists the rules with their plugin's docs: from the meta, without the planning part.
    expect(ruleCatalog(registry).map((rule) => rule.id)).toContain('toy/field-removed');
    let error: unknown;
    try {
      registry.migrationType('toy');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PluginError);
    expect((error as PluginError).message).toBe(eager);
    expect((error as PluginError).location.file).toBe('migration-architect.config.yaml');
  });

  it('refuses at once what is wrong with the plugin as a whole: its contract version, meta, unknown top-level keys, a namespace taken twice', () => {
    const onUse = (candidate: unknown) => () => createRegistry([candidate], { validate: 'on-use' });
    expect(onUse({ ...toyPlugin(), apiVersion: 1 })).toThrowError(/implements plugin contract 1/);
    expect(onUse({ ...toyPlugin(), meta: { name: 'toy-plugin', version: '1.0.0', namespace: 'Bad Space' } })).toThrowError(/meta\.namespace/);
    expect(onUse({ ...toyPlugin(), chekers: [] })).toThrowError(/chekers: unknown key; did you mean "checkers"\?/);
    expect(() => createRegistry([toyPlugin(), toyPlugin()], { validate: 'on-use' })).toThrowError(/namespace "toy" is claimed by both/);
  });

  it('refuses an unknown key inside a part when that part is used', () => {
    const plugin = { ...toyPlugin(), checkers: [{ ...toyPlugin().checkers![0]!, load: () => undefined }] };
    const registry = createRegistry([plugin], { validate: 'on-use' });
    expect(registry.migrationTypes()).toHaveLength(1);
    expect(() => registry.checkers()).toThrowError(/checkers\[0\]\.load: removed in contract 2/);
  });

  /** The toy plugin with rule `field-removed`'s examples behind a getter that counts its reads. */
  const withCountedExamples = (examples: unknown) => {
    const plugin = toyPlugin();
    const counter = { reads: 0 };
    Object.defineProperty(plugin.checkers![0]!.rules[0]!, 'examples', {
      get: () => {
        counter.reads++;
        return examples;
      },
      enumerable: true,
    });
    return { plugin, counter };
  };
  const example = { name: 'a field removed', before: { fields: { a: 'int' } }, after: { fields: {} } };

  it("checks without reading the rules' examples, and validates them when they are read", () => {
    const { plugin, counter } = withCountedExamples([example]);
    const registry = createRegistry([plugin], { validate: 'on-use' });
    const rule = registry.checker('kv')!.rules[0]!;
    const catalog = ruleCatalog(registry, 'kv');
    expect(catalog.map((r) => r.id)).toContain('toy/field-removed');
    expect(counter.reads).toBe(0);
    expect(rule.examples).toEqual([example]);
    expect(catalog[0]!.examples).toEqual([example]);
    expect(registry.checker('kv')!.rules[1]!.examples).toEqual([]);
    expect(counter.reads).toBe(1);
    // The same rule, keys in the same order, as a whole validation gives.
    const whole = createRegistry([plugin]).checker('kv')!.rules[0]!;
    expect(Object.keys(rule)).toEqual(Object.keys(whole));
    expect(rule).toEqual(whole);
  });

  it('refuses invalid examples when they are read, as a whole validation would', () => {
    for (const examples of [[{ ...example, name: '' }], [{ ...example, befor: 1 }], 'not a list']) {
      const eager = refusal(withCountedExamples(examples).plugin);
      expect(eager).toMatch(/plugin "toy-plugin" is invalid: checkers\[0\]\.rules\[0\]\.examples/);
      const registry = createRegistry([withCountedExamples(examples).plugin], { validate: 'on-use', file: 'migration-architect.config.yaml' });
      const rule = registry.checker('kv')!.rules[0]!;
      expect(rule.severity).toBe('breaking');
      let error: unknown;
      try {
        void rule.examples;
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(PluginError);
      expect((error as PluginError).message).toBe(eager);
      expect((error as PluginError).location.file).toBe('migration-architect.config.yaml');
      // Asking for the plugins whole validates the examples too.
      expect(() => createRegistry([withCountedExamples(examples).plugin], { validate: 'on-use' }).plugins).toThrowError(eager);
    }
  });

  it('gives the same plugins, defaults filled, as a whole validation', () => {
    const plugin = toyPlugin();
    const onUse = createRegistry([plugin], { validate: 'on-use' });
    const whole = createRegistry([plugin]);
    expect(onUse.plugins).toEqual(whole.plugins);
    expect(Object.keys(onUse.plugins[0]!)).toEqual(Object.keys(whole.plugins[0]!));
  });
});
