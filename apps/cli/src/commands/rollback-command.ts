import { createRunbook, MigrationPlanSchema, readDocumentFile, validateDocument } from '@migration-architect/core';
import { defineCommand } from 'citty';
import { emitDocument, parseFormat } from '../io/emit-document.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, outputArgs, singleInput } from './shared-args.js';

const args = {
  plan: { type: 'positional', required: false, description: 'Migration plan (JSON or YAML): ours, or one written by the original migration_planner.py' },
  input: { type: 'string', alias: 'i', description: 'Migration plan (same as the argument)', valueHint: 'file' },
  ...outputArgs,
} as const;

export function rollbackCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: {
      name: 'rollback',
      description: 'Turn a migration plan into a rollback runbook: reversed phases with steps, triggers, recovery, messages, escalation',
    },
    args,
    async run({ args: parsed, rawArgs }) {
      assertKnownFlags(rawArgs, args);
      const format = parseFormat(parsed.format);
      const file = singleInput(parsed.plan, parsed.input, 'migration plan');
      const plan = validateDocument(MigrationPlanSchema, await readDocumentFile(file, runtime.io.cwd), file, 'a migration plan');
      const { registry } = await runtime.loadContext(parsed.config, { migrationType: plan.migration_type });
      const runbook = createRunbook(registry, plan, { clock: runtime.clock, file });
      await emitDocument({ kind: 'runbook', document: runbook }, format, parsed.output, runtime.io);
    },
  });
}
