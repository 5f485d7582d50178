import { renderRuleCatalogMarkdown, ruleCatalog, UsageError } from '@migration-architect/core';
import { defineCommand } from 'citty';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, globalArgs } from './shared-args.js';

const args = {
  type: { type: 'string', alias: 't', description: 'Only the rules of this checker (database, api, ...)', valueHint: 'type' },
  format: { type: 'string', alias: 'f', description: 'text (default), json, or markdown (the docs page)', valueHint: 'text|json|markdown' },
  ...globalArgs,
} as const;

export function rulesCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: { name: 'rules', description: 'List the compatibility rules of the loaded checkers: code, id, severity, title' },
    args,
    async run({ args: parsed, rawArgs }) {
      assertKnownFlags(rawArgs, args);
      const { registry } = await runtime.loadContext(parsed.config);
      const checkers = registry.checkers().filter((c) => parsed.type === undefined || c.id === parsed.type);
      if (parsed.type !== undefined && checkers.length === 0) {
        throw new UsageError(`no loaded plugin checks schemas of type "${parsed.type}" (available: ${registry.checkers().map((c) => c.id).join(', ') || 'none'})`);
      }
      const format = parsed.format ?? 'text';
      if (format === 'json') {
        const rules = checkers.flatMap((c) => ruleCatalog(registry, c.id)).map(({ examples, ...rule }) => ({ ...rule, example_count: examples.length }));
        runtime.io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
      } else if (format === 'markdown' || format === 'md') {
        runtime.io.stdout(checkers.map((c) => renderRuleCatalogMarkdown(c, ruleCatalog(registry, c.id))).join('\n'));
      } else if (format === 'text') {
        const lines = checkers.flatMap((c) => [
          `${c.id}: ${c.title} (${c.rules.length} rules)`,
          ...ruleCatalog(registry, c.id).map((r) => `  ${(r.code ?? '').padEnd(6)} ${r.id.padEnd(40)} ${r.severity.padEnd(20)} ${r.title}`),
          '',
        ]);
        runtime.io.stdout(`${lines.join('\n')}`);
      } else {
        throw new UsageError(`--format must be one of text, json, markdown; got "${format}"`);
      }
    },
  });
}
