import { z } from 'zod';
import { builtSchema, lazySchema } from '../zod/lazy-schema.js';

/**
 * One accepted finding: which rule, where, why, until when and by whom. The same shape for every
 * checker, in the config (`accepted:`) or in a ledger file beside it.
 */
export const AcceptanceEntrySchema = lazySchema(() =>
  z
    .object({
      rule: z.string().min(1).meta({ description: 'The rule id (namespace/rule, e.g. database/column-removed) or its code (DB102).' }),
      subject: z.string().min(1).optional().meta({
        description:
          "The finding's field_path, or a prefix of it ending at a segment (tables.users, /paths/~1pets~1{id}/get); omitted: every finding of the rule.",
      }),
      location: z.string().min(1).optional().meta({ description: 'The file the finding is in, optionally with its line (db/migrations/V42__x.sql:3).' }),
      reason: z.string().min(1).meta({ description: 'Why the finding is accepted, shown in every report that applies the entry.' }),
      // YAML configs loaded by c12 turn an unquoted 2026-06-30 into a Date: read it back as the day written.
      expires: z
        .preprocess((value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value), z.iso.date())
        .meta({ description: 'Last day (YYYY-MM-DD) the entry applies; from the day after, it fails the check or the gate and names itself.' }),
      accepted_by: z.string().min(1).meta({ description: 'Who accepted it (a name, a handle, a team).' }),
    })
    .strict()
    .meta({ title: 'Accepted finding' }),
);
export type AcceptanceEntry = z.infer<typeof AcceptanceEntrySchema>;

/** A ledger file beside the config (`migration-architect.accepted.yaml`). */
export const AcceptanceLedgerSchema = lazySchema(() =>
  z
    .object({
      accepted: z.array(builtSchema(AcceptanceEntrySchema)).meta({ description: 'Accepted findings, one entry each.' }),
    })
    .strict()
    .meta({ title: 'Acceptance ledger', description: 'Findings the team accepted, with reasons and expiry, for every checker.' }),
);
export type AcceptanceLedger = z.infer<typeof AcceptanceLedgerSchema>;
