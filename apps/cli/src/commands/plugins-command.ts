import { UsageError, type PluginRegistry, type ResolvedPlugin } from '@migration-architect/core';
import { defineCommand } from 'citty';
import type { PluginContext } from '../config/plugin-context.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, globalArgs } from './shared-args.js';

const listArgs = { ...globalArgs, json: { type: 'boolean', description: 'Print JSON instead of text' } } as const;
const showArgs = { name: { type: 'positional', required: false, description: 'Package name or namespace of a loaded plugin' }, ...listArgs } as const;

/** What one plugin contributes, by kind, with namespaced ids. */
function contributions(plugin: ResolvedPlugin) {
  const ns = plugin.meta.namespace;
  return {
    name: plugin.meta.name,
    version: plugin.meta.version,
    namespace: ns,
    description: plugin.meta.description ?? '',
    migration_types: plugin.migrationTypes.map((t) => t.id),
    patterns: plugin.patterns.map((p) => `${p.type}/${p.id}`),
    phase_templates: plugin.phases.map((p) => `${p.type}/${p.id}`),
    risks: plugin.risks.map((r) => `${ns}/${r.id}`),
    rollback_templates: plugin.rollbacks.map((r) => `${ns}/${r.id}`),
    triggers: plugin.triggers.map((t) => `${ns}/${t.id}`),
    communications: plugin.communications.map((c) => `${ns}/${c.id}`),
    checkers: plugin.checkers.map((c) => ({ id: c.id, rules: c.rules.map((r) => `${ns}/${r.id}`) })),
  };
}

function sourceLine(context: PluginContext): string {
  if (context.source === 'config') return `Plugins from ${context.configFile}:`;
  const missing = context.missingBuiltins.length ? `; not installed: ${context.missingBuiltins.join(', ')}` : '';
  return `Installed built-in plugins (no config file lists plugins${missing}):`;
}

function summary(plugin: ResolvedPlugin): string[] {
  const c = contributions(plugin);
  const lines = [`  ${c.name} ${c.version}  (namespace ${c.namespace})`];
  if (c.description) lines.push(`    ${c.description}`);
  if (c.migration_types.length) lines.push(`    migration types: ${c.migration_types.join(', ')}`);
  if (c.patterns.length) lines.push(`    patterns: ${c.patterns.join(', ')}`);
  lines.push(`    phase templates: ${c.phase_templates.length}, risks: ${c.risks.length}, rollback templates: ${c.rollback_templates.length}, triggers: ${c.triggers.length}, messages: ${c.communications.length}`);
  for (const checker of c.checkers) lines.push(`    checker "${checker.id}": ${checker.rules.length} rules`);
  return lines;
}

function details(plugin: ResolvedPlugin): string[] {
  const ns = plugin.meta.namespace;
  const out = [...summary(plugin), ''];
  for (const p of plugin.patterns) {
    out.push(`  pattern ${p.type}/${p.id}: ${p.title}`, `    phases: ${p.phases.join(' → ')}`, `    base ${p.baseDurationHours} h × ${Object.entries(p.complexityMultiplier).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  for (const r of plugin.risks) out.push(`  risk ${ns}/${r.id} [${r.severity}]: ${r.description}${r.condition ? ` — when ${r.condition}` : ''}`);
  for (const r of plugin.rollbacks) out.push(`  rollback ${ns}/${r.id}: ${r.steps.length} steps for phases ${r.phases.join(', ')}`);
  for (const t of plugin.triggers) out.push(`  trigger ${ns}/${t.id}: ${t.condition}${t.autoExecute ? ' (automatic)' : ''}`);
  for (const checker of plugin.checkers) {
    out.push(`  checker "${checker.id}": ${checker.title}`);
    for (const rule of checker.rules) out.push(`    ${ns}/${rule.id} [${rule.severity}] ${rule.title}`);
  }
  return out;
}

function findPlugin(registry: PluginRegistry, name: string): ResolvedPlugin {
  const plugin = registry.plugins.find((p) => p.meta.name === name || p.meta.namespace === name);
  if (!plugin) {
    throw new UsageError(`no loaded plugin is named "${name}" (loaded: ${registry.plugins.map((p) => p.meta.name).join(', ') || 'none'})`);
  }
  return plugin;
}

export function pluginsCommand(runtime: CommandRuntime) {
  const list = defineCommand({
    meta: { name: 'list', description: 'List loaded plugins, their versions and what each contributes' },
    args: listArgs,
    async run({ args, rawArgs }) {
      assertKnownFlags(rawArgs, listArgs);
      const context = await runtime.loadContext(args.config);
      const plugins = context.registry.plugins;
      if (args.json) {
        runtime.io.stdout(`${JSON.stringify({ source: context.source, config_file: context.configFile ?? null, not_installed: context.missingBuiltins, plugins: plugins.map(contributions) }, null, 2)}\n`);
        return;
      }
      const lines = [sourceLine(context), ...(plugins.length ? plugins.flatMap(summary) : ['  (none)'])];
      runtime.io.stdout(`${lines.join('\n')}\n`);
    },
  });
  const show = defineCommand({
    meta: { name: 'show', description: 'Everything one plugin contributes: patterns, risks, rollback templates, triggers, rules' },
    args: showArgs,
    async run({ args, rawArgs }) {
      assertKnownFlags(rawArgs, showArgs);
      if (!args.name) throw new UsageError('missing plugin name: migration-architect plugins show NAME');
      const { registry } = await runtime.loadContext(args.config);
      const plugin = findPlugin(registry, args.name);
      if (args.json) {
        runtime.io.stdout(`${JSON.stringify(contributions(plugin), null, 2)}\n`);
        return;
      }
      runtime.io.stdout(`${details(plugin).join('\n')}\n`);
    },
  });
  return defineCommand({
    meta: { name: 'plugins', description: 'List loaded plugins (plugins show NAME for one plugin)' },
    // The parent knows the flags too, so citty does not mistake a flag's value for a subcommand.
    args: listArgs,
    default: 'list',
    subCommands: { list, show },
  });
}
