import { renderRuleCatalogMarkdown, renderRuleListing, requireChecker, ruleCatalog, ruleListingJson, UsageError } from '@migration-architect/core';
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
      const checkers = parsed.type === undefined ? registry.checkers() : [requireChecker(registry, parsed.type)];
      const catalogs = checkers.map((checker) => ({ checker, rules: ruleCatalog(registry, checker.id) }));
      const format = parsed.format ?? 'text';
      if (format === 'json') runtime.io.stdout(ruleListingJson(catalogs.flatMap((c) => c.rules)));
      else if (format === 'markdown' || format === 'md') runtime.io.stdout(catalogs.map((c) => renderRuleCatalogMarkdown(c.checker, c.rules)).join('\n'));
      else if (format === 'text') runtime.io.stdout(renderRuleListing(catalogs));
      else throw new UsageError(`--format must be one of text, json, markdown; got "${format}"`);
    },
  });
}
