import { z } from 'zod';
import { builtSchema, lazySchema } from '../zod/lazy-schema.js';
import { ChangeSeveritySchema } from './levels.js';

export const CompatibilityIssueSchema = lazySchema(() =>
  z.object({
    type: z.string().meta({ description: 'Issue type, as the original tool named it (column_removed, check_added, ...).' }),
    rule: z.string().meta({ description: 'Id of the rule that classified the change, namespace/rule.' }),
    code: z.string().nullable().optional().meta({ description: 'Stable short code of the rule (DB102), when it has one.' }),
    location: z
      .object({ file: z.string(), line: z.number().int().positive().optional(), column: z.number().int().positive().optional() })
      .nullable()
      .optional()
      .meta({ description: 'Input file (and line, for SQL inputs) where the changed object is written.' }),
    severity: ChangeSeveritySchema,
    description: z.string(),
    field_path: z.string(),
    old_value: z.unknown(),
    new_value: z.unknown(),
    impact: z.string(),
    suggested_migration: z.string(),
    affected_operations: z.array(z.string()),
    migration_script_index: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .optional()
      .meta({ description: 'Index in migration_scripts of the script (and its rollback) that makes this change, when there is one.' }),
    contract_script_index: z.number().int().nonnegative().nullable().optional().meta({
      description:
        'Index in migration_scripts of the contract step that finishes an expand/contract change (drops what was kept aside), to run in a later release.',
    }),
    lock_risk: z
      .object({
        object: z.string().meta({ description: 'The object locked, as the live system names it (`public.orders`).' }),
        rows: z.number().nonnegative().nullable(),
        bytes: z.number().nonnegative().nullable(),
        writes_per_second: z.number().nonnegative().nullable().meta({ description: 'Average rows written per second since statistics were reset.' }),
        lock: z.string().meta({ description: 'The lock held, as the engine names it (ACCESS EXCLUSIVE).' }),
        work: z.string().meta({ description: 'What runs while the lock is held: rewrite, scan, index_build.' }),
        estimated_seconds: z.number().nonnegative(),
        writes_blocked: z.number().nonnegative().nullable().meta({ description: 'Writes that would wait for the lock at the average rate.' }),
        arithmetic: z.string().meta({ description: 'How the estimate was made, with the throughput assumed.' }),
        severity_raised_by: z.string().nullable().meta({ description: 'The threshold that raised the severity, when one did.' }),
      })
      .optional()
      .meta({ description: 'How long the change holds which lock on the real object, from live statistics (`--stats`, or a live `--before`).' }),
  }),
);
export type CompatibilityIssue = z.infer<typeof CompatibilityIssueSchema>;

export const MigrationScriptSchema = lazySchema(() =>
  z.object({
    script_type: z.string(),
    description: z.string(),
    script_content: z.string(),
    rollback_script: z.string(),
    dependencies: z.array(z.string()),
    validation_query: z.string(),
    release: z.enum(['current', 'later']).optional().meta({
      description: '`later`: a contract step, run in a later release once no deployed client uses what it removes; absent or `current`: run with this release.',
    }),
  }),
);
export type MigrationScript = z.infer<typeof MigrationScriptSchema>;

export const OverallCompatibilitySchema = lazySchema(() => z.enum(['fully_compatible', 'backward_compatible', 'potentially_incompatible', 'breaking_changes']));
export type OverallCompatibility = z.infer<typeof OverallCompatibilitySchema>;

export const SchemaInputDescriptionSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    source: z.string().meta({ description: 'The source that read it, `namespace/id` (database/postgresql-sql).' }),
    dialect: z.string().nullable(),
  }),
);

const VerificationStepSchema = lazySchema(() =>
  z
    .object({
      status: z.enum(['passed', 'failed', 'needs_input', 'skipped']),
      statement: z.string().optional().meta({ description: 'The statement that failed.' }),
      error: z.string().optional().meta({ description: "The engine's error, one line." }),
      placeholders: z
        .array(z.string())
        .optional()
        .meta({ description: 'Values only the user knows (`{backfill_value}`): the script needs them before it can run.' }),
    })
    .meta({ description: 'How one step of a script went when replayed.' }),
);

export const VerificationSchema = lazySchema(() =>
  z
    .object({
      engine: z.string().meta({ description: 'Where the scripts ran: `pglite 0.5.16`, or the `--dev-url` server as host:port.' }),
      passed: z.boolean().meta({ description: 'Every script and rollback ran, and both comparisons found no difference.' }),
      scripts: z.array(
        z.object({
          index: z.number().int().nonnegative().meta({ description: 'Index into migration_scripts.' }),
          description: z.string(),
          migration: builtSchema(VerificationStepSchema),
          validation: builtSchema(VerificationStepSchema),
          rollback: builtSchema(VerificationStepSchema),
        }),
      ),
      after_migration: z
        .object({ differences: z.array(z.string()) })
        .meta({ description: 'What still differs from the after schema once every migration script ran.' }),
      after_rollback: z
        .object({ differences: z.array(z.string()) })
        .meta({ description: 'What still differs from the before schema once every rollback script ran, in reverse.' }),
      notes: z.array(z.string()),
      not_verified: z.array(z.string()).optional().meta({
        description:
          'What the engine could not verify, each with the reason (an extension it lacks): when nothing else failed, the verdict is "not verified", not "failed".',
      }),
    })
    .meta({ title: 'Verification', description: 'The scripts replayed on a scratch database (`check --verify`).' }),
);

export type Verification = z.infer<typeof VerificationSchema>;

/** An acceptance as the report shows it: what it accepts, why, and where it is written. */
const AcceptanceRecordSchema = lazySchema(() =>
  z
    .object({
      rule: z.string().meta({ description: 'The rule id or code it accepts.' }),
      subject: z.string().optional(),
      location: z.string().optional().meta({ description: 'file or file:line the entry is limited to.' }),
      reason: z.string(),
      expires: z.string().optional().meta({ description: 'Last day it applies (ledger entries); inline and plugin acceptances do not expire.' }),
      accepted_by: z.string().optional(),
      written_in: z.string().meta({
        description: 'Where the acceptance is written: `ledger entry #2 (migration-architect.accepted.yaml)`, `db/0042.sql:3`, `service({ ignore })`.',
      }),
    })
    .meta({ description: 'An accepted-finding entry: a ledger entry, an inline comment, or a plugin option kept for compatibility.' }),
);

const AcceptanceSectionSchema = lazySchema(() =>
  z
    .object({
      accepted: z
        .array(z.object({ entry: builtSchema(AcceptanceRecordSchema), issue: builtSchema(CompatibilityIssueSchema) }))
        .meta({ description: 'Findings taken out of `issues`, each with the entry that accepted it.' }),
      expired: z
        .array(builtSchema(AcceptanceRecordSchema))
        .meta({ description: 'Ledger entries past their expiry day: they accept nothing and fail the check (exit 2).' }),
      unmatched: z
        .array(builtSchema(AcceptanceRecordSchema))
        .meta({ description: 'Entries that accepted nothing in this comparison, so the ledger does not rot.' }),
    })
    .meta({ description: 'The acceptances core applied after classification (present when any were given or written in the inputs).' }),
);

export type AcceptanceRecord = z.infer<typeof AcceptanceRecordSchema>;
export type AcceptanceSection = z.infer<typeof AcceptanceSectionSchema>;

export const CompatibilityReportSchema = lazySchema(() =>
  z
    .object({
      schema_type: z.string().meta({ description: 'Checker that produced the report (database, api, ...).' }),
      schema_before: z
        .string()
        .meta({ description: 'What the before input is: the first 500 characters of a JSON/YAML document, or the input and the format read.' }),
      schema_after: z.string(),
      inputs: z
        .object({ before: builtSchema(SchemaInputDescriptionSchema), after: builtSchema(SchemaInputDescriptionSchema) })
        .optional()
        .meta({ description: 'How each input was read: its name (passwords masked), the source, and the dialect scripts are written for.' }),
      warnings: z
        .array(z.string())
        .optional()
        .meta({ description: 'What the sources tolerated or could not compare in the inputs, each prefixed with the input it is about.' }),
      analysis_date: z.string(),
      overall_compatibility: builtSchema(OverallCompatibilitySchema),
      breaking_changes_count: z.number().int().nonnegative(),
      potentially_breaking_count: z.number().int().nonnegative(),
      non_breaking_changes_count: z.number().int().nonnegative(),
      additive_changes_count: z.number().int().nonnegative(),
      issues: z.array(builtSchema(CompatibilityIssueSchema)),
      migration_scripts: z.array(builtSchema(MigrationScriptSchema)),
      risk_assessment: z.object({
        overall_risk: z.enum(['low', 'medium', 'high']),
        deployment_risk: z.string(),
        rollback_complexity: z.enum(['low', 'medium', 'high']),
        testing_requirements: z.array(z.string()),
      }),
      recommendations: z.array(z.string()),
      verification: VerificationSchema.optional().meta({
        description: 'With `--verify`: the scripts replayed on a scratch database and the result compared with both schemas.',
      }),
      acceptance: AcceptanceSectionSchema.optional(),
    })
    .meta({ title: 'Compatibility report', description: 'Every change between two schema versions, classified, with scripts.' }),
);

export type CompatibilityReport = z.infer<typeof CompatibilityReportSchema>;
