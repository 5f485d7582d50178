import { createPlan, MigrationSpecSchema, readDocumentFile, reviewSpec, validateDocument } from '@migration-architect/core';
import { defineCommand } from 'citty';
import { emitDocument, parseFormat } from '../io/emit-document.js';
import type { CommandRuntime } from './runtime.js';
import { assertKnownFlags, outputArgs, singleInput } from './shared-args.js';

const args = {
  spec: { type: 'positional', required: false, description: 'Migration spec (JSON or YAML)' },
  input: { type: 'string', alias: 'i', description: 'Migration spec (same as the argument)', valueHint: 'file' },
  validate: { type: 'boolean', description: 'Only check the spec (shape, type and pattern known to the loaded plugins)' },
  strict: { type: 'boolean', description: 'Fail (exit 65) on spec fields no loaded plugin reads, instead of warning' },
  ...outputArgs,
} as const;

export function planCommand(runtime: CommandRuntime) {
  return defineCommand({
    meta: { name: 'plan', description: 'Turn a migration spec into a phased plan: complexity, timeline, phases, risks, rollback plan' },
    args,
    async run({ args: parsed, rawArgs }) {
      assertKnownFlags(rawArgs, args);
      const format = parseFormat(parsed.format);
      const file = singleInput(parsed.spec, parsed.input, 'migration spec');
      const spec = validateDocument(MigrationSpecSchema, await readDocumentFile(file, runtime.io.cwd), file, 'a migration spec');
      const { registry } = await runtime.loadContext(parsed.config);
      // Declared fields are checked before planning, so the planner can rely on their shapes.
      const warnings = reviewSpec(registry, spec, { file, strict: parsed.strict });
      const plan = createPlan(registry, spec, { clock: runtime.clock, file });
      for (const warning of warnings) runtime.io.stderr(`migration-architect: warning: ${file}: ${warning.message}\n`);
      if (parsed.validate) {
        runtime.io.stdout(`${file}: migration specification is valid (type ${plan.migration_type}, ${plan.migration_pattern ? `pattern ${plan.migration_pattern}` : 'default phases'})\n`);
        return;
      }
      await emitDocument({ kind: 'plan', document: plan }, format, parsed.output, runtime.io);
    },
  });
}
