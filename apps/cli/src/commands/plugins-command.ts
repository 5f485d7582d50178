import { pluginContributions, renderPluginDetails, renderPluginSummary, UsageError, type PluginRegistry, type ResolvedPlugin } from '@migration-architect/core';
import { defineCommand } from 'citty';
import type { PluginContext } from '../config/plugin-context.js';
import { emitListing, listingArgs, listingFormat } from '../io/emit-listing.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, globalArgs } from './shared-args.js';

const FORMATS = ['text', 'json'] as const;
const listArgs = {
  ...globalArgs,
  json: { type: 'boolean', description: 'Print JSON instead of text (same as --format json)' },
  ...listingArgs(FORMATS, { text: 'text', json: 'json' }),
} as const;
const showArgs = { name: { type: 'positional', required: false, description: 'Package name or namespace of a loaded plugin' }, ...listArgs } as const;

function sourceLine(context: PluginContext): string {
  if (context.source === 'config') return `Plugins from ${context.configFile}:`;
  const missing = context.missingBuiltins.length ? `; not installed: ${context.missingBuiltins.join(', ')}` : '';
  return `Installed built-in plugins (no config file lists plugins${missing}):`;
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
      if (listingFormat(args.format, FORMATS, args.json) === 'json') {
        await emitListing(
          `${JSON.stringify({ source: context.source, config_file: context.configFile ?? null, not_installed: context.missingBuiltins, plugins: plugins.map(pluginContributions) }, null, 2)}\n`,
          args.output,
          runtime.io,
        );
        return;
      }
      const lines = [sourceLine(context), ...(plugins.length ? plugins.flatMap(renderPluginSummary) : ['  (none)'])];
      await emitListing(`${lines.join('\n')}\n`, args.output, runtime.io);
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
      const json = listingFormat(args.format, FORMATS, args.json) === 'json';
      const content = json ? `${JSON.stringify(pluginContributions(plugin), null, 2)}\n` : `${renderPluginDetails(plugin).join('\n')}\n`;
      await emitListing(content, args.output, runtime.io);
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
