import { describe, expect, it } from 'vitest';
import { createRegistry, PluginError } from '../src/index.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

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

  it('refuses a plugin built for another contract version, saying which', () => {
    const future = { ...toyPlugin(), apiVersion: 3 };
    expect(() => createRegistry([future])).toThrowError(/contract version 3, but this core implements version 2/);
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
