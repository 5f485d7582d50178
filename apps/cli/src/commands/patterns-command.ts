import {
  assessComplexity,
  COMPLEXITIES,
  downtimeToleranceOf,
  MigrationSpecSchema,
  recommendPatterns,
  UsageError,
  validateDocument,
  type Complexity,
  type PluginRegistry,
} from '@migration-architect/core';
import { defineCommand } from 'citty';
import { readDocument } from '../io/read-input.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, globalArgs } from './shared-args.js';

const listArgs = {
  type: { type: 'string', alias: 't', description: 'Only patterns of this migration type', valueHint: 'type' },
  json: { type: 'boolean', description: 'Print JSON instead of text' },
  ...globalArgs,
} as const;

const recommendArgs = {
  spec: { type: 'positional', required: false, description: 'A migration spec to take type, complexity and downtime from' },
  type: { type: 'string', alias: 't', description: 'Migration type (database, service, infrastructure, ...)', valueHint: 'type' },
  complexity: { type: 'string', description: 'low, medium, high or critical', valueHint: 'level' },
  downtime: { type: 'string', description: 'Tolerated downtime: zero, some, or a number of minutes (under 60 counts as zero)', valueHint: 'zero|some|minutes' },
  json: { type: 'boolean', description: 'Print JSON instead of text' },
  ...globalArgs,
} as const;

function knownType(registry: PluginRegistry, type: string | undefined): string | undefined {
  if (type !== undefined && !registry.migrationType(type)) {
    throw new UsageError(`no loaded plugin provides migration type "${type}" (loaded types: ${registry.migrationTypes().map((t) => t.id).join(', ') || 'none'})`);
  }
  return type;
}

function parseDowntime(value: string): 'zero' | 'some' {
  if (value === 'zero' || value === 'some') return value;
  if (/^\d+(\.\d+)?$/.test(value)) return downtimeToleranceOf(Number(value));
  throw new UsageError(`--downtime must be zero, some or a number of minutes; got "${value}"`);
}

export function patternsCommand(runtime: CommandRuntime) {
  const list = defineCommand({
    meta: { name: 'list', description: 'List the migration patterns the loaded plugins provide' },
    args: listArgs,
    async run({ args, rawArgs }) {
      assertKnownFlags(rawArgs, listArgs);
      const { registry } = await runtime.loadContext(args.config);
      const patterns = registry.patterns(knownType(registry, args.type));
      if (args.json) {
        runtime.io.stdout(`${JSON.stringify(patterns.map(({ plugin, recommendedWhen, ...p }) => ({ ...p, plugin, recommended_when: recommendedWhen })), null, 2)}\n`);
        return;
      }
      const lines = patterns.flatMap((p) => [
        `${p.type}/${p.id} — ${p.title} (${p.plugin})`,
        `  ${p.description}`,
        `  phases: ${p.phases.join(' → ')}; base ${p.baseDurationHours} h (×${p.complexityMultiplier.low} low … ×${p.complexityMultiplier.critical} critical)`,
        ...p.whenToUse.map((w) => `  use when: ${w}`),
        '',
      ]);
      runtime.io.stdout(lines.length ? `${lines.join('\n')}` : 'No patterns: no loaded plugin provides any.\n');
    },
  });

  const recommend = defineCommand({
    meta: { name: 'recommend', description: 'Recommend a pattern from the pattern selection matrix (type, complexity, downtime tolerance) and explain why' },
    args: recommendArgs,
    async run({ args, rawArgs }) {
      assertKnownFlags(rawArgs, recommendArgs);
      const { registry } = await runtime.loadContext(args.config);
      let type = args.type;
      let complexity = args.complexity as Complexity | undefined;
      let downtime = args.downtime === undefined ? undefined : parseDowntime(args.downtime);
      let basis = 'given on the command line';
      if (args.spec) {
        const spec = validateDocument(MigrationSpecSchema, await readDocument(args.spec, runtime.io.cwd), args.spec, 'a migration spec');
        const assessed = assessComplexity(spec);
        type ??= spec.type;
        complexity ??= assessed.complexity;
        downtime ??= downtimeToleranceOf(spec.constraints?.max_downtime_minutes);
        basis = `from ${args.spec}: complexity score ${assessed.score}, max downtime ${spec.constraints?.max_downtime_minutes ?? 480} min`;
      }
      if (!type || !complexity || !downtime) {
        throw new UsageError('give a spec file, or --type, --complexity and --downtime');
      }
      if (!COMPLEXITIES.includes(complexity)) throw new UsageError(`--complexity must be one of ${COMPLEXITIES.join(', ')}; got "${complexity}"`);
      knownType(registry, type);
      const found = recommendPatterns(registry, { type, complexity, downtime });
      if (args.json) {
        runtime.io.stdout(`${JSON.stringify({ type, complexity, downtime, recommendations: found.map((r) => ({ pattern: r.pattern.id, match: r.match, reason: r.reason })) }, null, 2)}\n`);
        return;
      }
      const lines = [`For a ${complexity}-complexity ${type} migration with ${downtime} downtime tolerance (${basis}):`];
      if (!found.length) {
        lines.push(`  no pattern of the selection matrix fits; patterns of this type: ${registry.patterns(type).map((p) => p.id).join(', ') || 'none'}`);
      }
      for (const [i, r] of found.entries()) {
        lines.push(`  ${i === 0 ? '→' : ' '} ${r.pattern.id} (${r.pattern.title})${r.match === 'near' ? ' [closest match]' : ''}`, `      ${r.reason}`);
      }
      runtime.io.stdout(`${lines.join('\n')}\n`);
    },
  });

  return defineCommand({
    meta: { name: 'patterns', description: 'List migration patterns (patterns recommend to choose one)' },
    // The parent knows the flags too, so citty does not mistake a flag's value for a subcommand.
    args: listArgs,
    default: 'list',
    subCommands: { list, recommend },
  });
}
