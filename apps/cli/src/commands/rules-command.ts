import { renderRuleCatalogMarkdown, renderRuleListing, requireChecker, ruleCatalog, ruleListingJson } from '@migration-architect/core';
import { defineCommand } from 'citty';
import { emitListing, listingArgs, listingFormat } from '../io/emit-listing.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, globalArgs } from './shared-args.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

const args = {
  type: { type: 'string', alias: 't', description: 'Only the rules of this checker (database, api, ...)', valueHint: 'type' },
  ...globalArgs,
  ...listingArgs(FORMATS, { text: 'text', json: 'json', markdown: 'markdown (the docs page)' }),
} as const;

export function rulesCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: { name: 'rules', description: 'List the compatibility rules of the loaded checkers: code, id, severity, title' },
    args,
    async run({ args: parsed, rawArgs }) {
      assertKnownFlags(rawArgs, args);
      const { registry } = await runtime.loadContext(parsed.config, parsed.type === undefined ? undefined : { checker: parsed.type });
      const checkers = parsed.type === undefined ? registry.checkers() : [requireChecker(registry, parsed.type)];
      const catalogs = checkers.map((checker) => ({ checker, rules: ruleCatalog(registry, checker.id) }));
      const format = listingFormat(parsed.format, FORMATS);
      const content =
        format === 'json'
          ? ruleListingJson(catalogs.flatMap((c) => c.rules))
          : format === 'markdown'
            ? catalogs.map((c) => renderRuleCatalogMarkdown(c.checker, c.rules)).join('\n')
            : renderRuleListing(catalogs);
      await emitListing(content, parsed.output, runtime.io);
    },
  });
}
