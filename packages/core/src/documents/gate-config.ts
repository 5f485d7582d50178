import { z } from 'zod';
import { lazySchema } from '../zod/lazy-schema.js';

export const GateConfigSchema = lazySchema(() =>
  z
    .object({
      include: z.array(z.string().min(1)).optional().meta({ description: 'Globs of the files the gate considers (replace the defaults).' }),
      exclude: z.array(z.string().min(1)).optional().meta({ description: 'Globs of files never checked (added to the defaults).' }),
      sql_schemas: z
        .array(z.string().min(1))
        .optional()
        .meta({ description: 'Globs of SQL files that are whole schemas (compared base vs head), not migrations; replace the defaults.' }),
      ledger: z.string().min(1).optional().meta({ description: 'The acceptance ledger file (default: migration-architect.accepted.yaml beside the config).' }),
    })
    .strict()
    .meta({ title: 'Gate config', description: 'The `gate` key of migration-architect.config.*' }),
);

export type GateConfig = z.infer<typeof GateConfigSchema>;
