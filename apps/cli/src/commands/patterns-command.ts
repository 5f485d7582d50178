import {
  assessComplexity,
  COMPLEXITIES,
  downtimeToleranceOf,
  MigrationSpecSchema,
  patternListingJson,
  recommendationJson,
  recommendPatterns,
  renderPatternListing,
  renderRecommendation,
  specFacts,
  UsageError,
  type SpecFact,
  readDocumentFile,
  validateDocument,
  type Complexity,
  type PluginRegistry,
} from '@migration-architect/core';
import { dirname, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { emitListing, listingArgs, listingFormat } from '../io/emit-listing.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, globalArgs } from './shared-args.js';

const FORMATS = ['text', 'json'] as const;
const formatArgs = listingArgs(FORMATS, { text: 'text', json: 'json' });

const listArgs = {
  type: { type: 'string', alias: 't', description: 'Only patterns of this migration type', valueHint: 'type' },
  json: { type: 'boolean', description: 'Print JSON instead of text (same as --format json)' },
  ...globalArgs,
  ...formatArgs,
} as const;

const recommendArgs = {
  spec: { type: 'positional', required: false, description: 'A migration spec to take type, complexity and downtime from' },
  type: { type: 'string', alias: 't', description: 'Migration type (database, service, infrastructure, ...)', valueHint: 'type' },
  complexity: { type: 'string', description: 'low, medium, high or critical', valueHint: 'level' },
  downtime: { type: 'string', description: 'Tolerated downtime: zero, some, or a number of minutes (under 60 counts as zero)', valueHint: 'zero|some|minutes' },
  json: { type: 'boolean', description: 'Print JSON instead of text (same as --format json)' },
  ...globalArgs,
  ...formatArgs,
} as const;

function knownType(registry: PluginRegistry, type: string | undefined): string | undefined {
  if (type !== undefined && !registry.migrationType(type)) {
    throw new UsageError(
      `no loaded plugin provides migration type "${type}" (loaded types: ${
        registry
          .migrationTypes()
          .map((t) => t.id)
          .join(', ') || 'none'
      })`,
    );
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
      const format = listingFormat(args.format, FORMATS, args.json);
      await emitListing(format === 'json' ? patternListingJson(patterns) : renderPatternListing(patterns), args.output, runtime.io);
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
      let facts: SpecFact[] | undefined;
      if (args.spec) {
        const spec = validateDocument(MigrationSpecSchema, await readDocumentFile(args.spec, runtime.io.cwd), args.spec, 'a migration spec');
        const assessed = assessComplexity(spec);
        type ??= spec.type;
        complexity ??= assessed.complexity;
        downtime ??= downtimeToleranceOf(spec.constraints?.max_downtime_minutes);
        basis = `from ${args.spec}: complexity score ${assessed.score}, max downtime ${spec.constraints?.max_downtime_minutes ?? 480} min`;
        // The plan's own facts (a move to another server, a monolith being split, ...) rank patterns too.
        if (registry.migrationType(spec.type)) facts = specFacts(registry, spec, { file: args.spec, directory: dirname(resolve(runtime.io.cwd, args.spec)) });
      }
      if (!type || !complexity || !downtime) {
        throw new UsageError('give a spec file, or --type, --complexity and --downtime');
      }
      if (!COMPLEXITIES.includes(complexity)) throw new UsageError(`--complexity must be one of ${COMPLEXITIES.join(', ')}; got "${complexity}"`);
      knownType(registry, type);
      const query = { type, complexity, downtime, facts };
      const found = recommendPatterns(registry, query);
      const format = listingFormat(args.format, FORMATS, args.json);
      await emitListing(
        format === 'json'
          ? recommendationJson(query, found)
          : renderRecommendation(
              query,
              found,
              basis,
              registry.patterns(type).map((p) => p.id),
            ),
        args.output,
        runtime.io,
      );
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
