import { checkCompatibility, exitCodeForReport, UsageError, type PluginRegistry } from '@migration-architect/core';
import { defineCommand } from 'citty';
import { emitDocument, parseFormat } from '../io/emit-document.js';
import { readDocument } from '../io/read-input.js';
import { packageProvidingChecker } from '../plugins/builtin-plugins.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, outputArgs } from './shared-args.js';

const args = {
  beforeFile: { type: 'positional', required: false, description: 'Schema before the change' },
  afterFile: { type: 'positional', required: false, description: 'Schema after the change' },
  before: { type: 'string', description: 'Schema before the change (the seed\'s flag)', valueHint: 'file' },
  after: { type: 'string', description: 'Schema after the change (the seed\'s flag)', valueHint: 'file' },
  type: { type: 'string', alias: 't', description: 'Schema type: a checker id such as database or api (inferred from the files when omitted)', valueHint: 'type' },
  ...outputArgs,
} as const;

function pick(flag: string | undefined, positional: string | undefined, name: string): string {
  if (flag && positional && flag !== positional) throw new UsageError(`--${name} "${flag}" and the argument "${positional}" disagree; give one`);
  const file = flag ?? positional;
  if (!file) throw new UsageError(`missing the "${name}" schema: give two files (before after) or --before and --after`);
  return file;
}

function resolveKind(registry: PluginRegistry, requested: string | undefined, before: unknown, after: unknown, beforeFile: string): string {
  const available = registry.checkers().map((c) => c.id);
  if (requested) {
    if (registry.checker(requested)) return requested;
    const pkg = packageProvidingChecker(requested);
    throw new UsageError(
      `no loaded plugin checks schemas of type "${requested}" (${available.length ? `available: ${available.join(', ')}` : 'no plugins are loaded'})${pkg ? `; install ${pkg}` : ''}`,
    );
  }
  const detected = registry.checkers().filter((c) => c.detect?.(before) && c.detect?.(after));
  if (detected.length === 1) return detected[0]!.id;
  throw new UsageError(
    `cannot tell which kind of schema ${beforeFile} is; pass --type (${available.length ? `one of ${available.join(', ')}` : 'no plugins are loaded'})`,
  );
}

export function checkCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: { name: 'check', description: 'Classify every change between two schema versions; exit 0 (compatible), 1 (potentially breaking) or 2 (breaking)' },
    args,
    async run({ args: parsed, rawArgs }) {
      assertKnownFlags(rawArgs, args);
      const format = parseFormat(parsed.format);
      const beforeFile = pick(parsed.before, parsed.beforeFile, 'before');
      const afterFile = pick(parsed.after, parsed.afterFile, 'after');
      const [before, after] = [await readDocument(beforeFile, runtime.io.cwd), await readDocument(afterFile, runtime.io.cwd)];
      const { registry, config } = await runtime.loadContext(parsed.config);
      const kind = resolveKind(registry, parsed.type, before, after, beforeFile);
      const report = checkCompatibility(registry, kind, { document: before, file: beforeFile }, { document: after, file: afterFile }, { clock: runtime.clock, ruleOverrides: config.rules });
      await emitDocument({ kind: 'report', document: report }, format, parsed.output, runtime.io);
      runtime.exitCode = exitCodeForReport(report);
    },
  });
}
