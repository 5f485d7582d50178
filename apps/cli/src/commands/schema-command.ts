import { DOCUMENT_NAMES, documentJsonSchema, UsageError, type DocumentName } from '@migration-architect/core';
import { defineCommand } from 'citty';
import { writeFilesAtomically } from '../io/write-output.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags } from './shared-args.js';

const args = {
  document: { type: 'positional', required: false, description: `One of ${DOCUMENT_NAMES.join(', ')}` },
  output: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout', valueHint: 'file' },
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
      const name = parsed.document;
      if (!name || !(DOCUMENT_NAMES as string[]).includes(name)) {
        throw new UsageError(`${name ? `unknown document "${name}"` : 'missing document'}: expected one of ${DOCUMENT_NAMES.join(', ')}`);
      }
      // Spec and config schemas include what the loaded plugins declare (spec fields, options).
      const registry = name === 'spec' || name === 'config' ? (await runtime.loadContext(parsed.config)).registry : undefined;
      const text = `${JSON.stringify(documentJsonSchema(name as DocumentName, registry), null, 2)}\n`;
      if (!parsed.output) {
        runtime.io.stdout(text);
        return;
      }
      await writeFilesAtomically([{ path: parsed.output, content: text }], runtime.io.cwd);
      runtime.io.stderr(`wrote ${parsed.output}\n`);
    },
  });
}
