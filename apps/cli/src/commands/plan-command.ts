import { createPlan, readDocumentFile, UsageError, type MigrationSpec } from '@migration-architect/core';
import { dirname, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { emitDocument, parseFormat } from '../io/emit-document.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, outputArgs, singleInput } from './shared-args.js';

const args = {
  spec: { type: 'positional', required: false, description: 'Migration spec (JSON or YAML)' },
  input: { type: 'string', alias: 'i', description: 'Migration spec (same as the argument)', valueHint: 'file' },
  validate: { type: 'boolean', description: 'Only check the spec (shape, type and pattern known to the loaded plugins)' },
  strict: { type: 'boolean', description: 'Fail (exit 65) on spec fields no loaded plugin reads, instead of warning' },
  start: {
    type: 'string',
    description:
      'Schedule on the calendar from this instant (ISO 8601 with a zone: 2026-12-05T09:00Z): phases and steps get start and end times, window steps wait for the migration window',
    valueHint: 'date-time',
  },
  ...outputArgs,
} as const;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `--start`: an instant, so the zone must be given; a local time would mean a different hour on every machine. */
function parseStart(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!INSTANT.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--start must be a date and time with a zone, such as 2026-12-05T09:00Z or 2026-12-05T10:00+01:00; got "${value}"`);
  }
  return date;
}

export function planCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: { name: 'plan', description: 'Turn a migration spec into a phased plan: complexity, timeline, phases, risks, rollback plan' },
    args,
    async run({ args: parsed, rawArgs }) {
      assertKnownFlags(rawArgs, args);
      const format = parseFormat(parsed.format);
      const file = singleInput(parsed.spec, parsed.input, 'migration spec');
      const document = await readDocumentFile(file, runtime.io.cwd);
      const type = (document as { type?: unknown } | null)?.type;
      const { registry } = await runtime.loadContext(parsed.config, typeof type === 'string' ? { migrationType: type } : undefined);
      const start = parseStart(parsed.start);
      // createPlan validates the spec (core's fields and those the type declares) and names the file;
      // files the spec names (a Terraform plan JSON) are read relative to it.
      const directory = dirname(resolve(runtime.io.cwd, file));
      const plan = createPlan(registry, document as MigrationSpec, { clock: runtime.clock, file, directory, start, strict: parsed.strict });
      // Unknown fields, downtime over budget, a pattern that contradicts the spec, ...
      for (const warning of plan.warnings ?? []) runtime.io.stderr(`migration-architect: warning: ${file}: ${warning.message}\n`);
      if (parsed.validate) {
        runtime.io.stdout(
          `${file}: migration specification is valid (type ${plan.migration_type}, ${plan.migration_pattern ? `pattern ${plan.migration_pattern}` : 'default phases'})\n`,
        );
        return;
      }
      await emitDocument({ kind: 'plan', document: plan }, format, parsed.output, runtime.io);
    },
  });
}
