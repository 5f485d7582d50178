import { DOCUMENT_NAMES, documentJsonSchema, UsageError, type DocumentName } from '@migration-architect/core';
import { defineCommand } from 'citty';
import { emitListing, listingArgs, listingFormat } from '../io/emit-listing.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags } from './shared-args.js';

const args = {
  document: { type: 'positional', required: false, description: `One of ${DOCUMENT_NAMES.join(', ')}` },
  ...listingArgs(['json'], { json: 'json (a JSON Schema has no other form)' }),
  config: {
    type: 'string',
    alias: 'c',
    description: 'Config file whose plugins add their spec fields and options (default: the one in the current folder)',
    valueHint: 'file',
  },
  debug: { type: 'boolean', description: 'Print stack traces for internal errors' },
} as const;

export function schemaCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: {
      name: 'schema',
      description:
        "Print the JSON Schema of a document (spec, plan, report, runbook, config) for editor completion, with the loaded plugins' spec fields and options",
    },
    args,
    async run({ args: parsed, rawArgs }) {
      assertKnownFlags(rawArgs, args);
      listingFormat(parsed.format, ['json']);
      const name = parsed.document;
      if (!name || !(DOCUMENT_NAMES as string[]).includes(name)) {
        throw new UsageError(`${name ? `unknown document "${name}"` : 'missing document'}: expected one of ${DOCUMENT_NAMES.join(', ')}`);
      }
      // Spec and config schemas include what the loaded plugins declare (spec fields, options).
      const registry = name === 'spec' || name === 'config' ? (await runtime.loadContext(parsed.config)).registry : undefined;
      const text = `${JSON.stringify(documentJsonSchema(name as DocumentName, registry), null, 2)}\n`;
      await emitListing(text, parsed.output, runtime.io);
    },
  });
}
