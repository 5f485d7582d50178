import { z } from '@migration-architect/core';

/** The report `reconcile` writes (JSON), in the project's snake_case; text and Markdown render it. */

export const RECONCILE_LEVELS = ['count', 'checksum', 'rows'] as const;
export const ReconcileLevelSchema = z.enum(RECONCILE_LEVELS);
export type ReconcileLevel = z.infer<typeof ReconcileLevelSchema>;

const KeySchema = z.record(z.string(), z.string().nullable()).meta({ description: 'Key column → value (as text), NULL as null.' });

export const ColumnDifferenceSchema = z.object({
  column: z.string(),
  source: z.string().nullable(),
  target: z.string().nullable(),
});

export const RowDifferenceSchema = z.object({
  key: KeySchema,
  columns: z.array(ColumnDifferenceSchema).optional().meta({ description: 'Changed rows: the columns that differ.' }),
  duplicate_key: z.boolean().optional().meta({ description: 'The key occurs more than once on a side (or is NULL); rows were matched as a multiset.' }),
});
export type RowDifference = z.infer<typeof RowDifferenceSchema>;

export const SidePerformanceSchema = z.object({
  rows_per_second: z.number().nullable().meta({ description: 'Rows hashed per second on this side (hash phase), null when nothing was hashed.' }),
  bytes_fetched: z
    .number()
    .int()
    .nonnegative()
    .meta({ description: 'PostgreSQL: bytes received from the server; SQLite: bytes of the values read into the comparison.' }),
  rows_fetched: z.number().int().nonnegative().meta({ description: 'Rows read back to compare row by row.' }),
  queries: z.number().int().nonnegative(),
});

export const DifferingRangeSchema = z.object({
  from: KeySchema.nullable().meta({ description: 'Inclusive lower key, null: from the start.' }),
  to: KeySchema.nullable().meta({ description: 'Exclusive upper key, null: to the end.' }),
  rows_source: z.number().int().nonnegative(),
  rows_target: z.number().int().nonnegative(),
});

export const TableStatusSchema = z
  .enum(['equal', 'different', 'counted', 'missing_in_source', 'missing_in_target'])
  .meta({ description: 'counted: level count, the counts agree but the content was not compared (never reported as equal).' });

export const TableStrategySchema = z.object({
  ran: z.enum(['hash', 'stream', 'hash-then-stream']).meta({
    description:
      'hash: every key range hashed on both sides, the rows of differing ranges read back; stream: every row read from both sides in key order and compared (--strategy stream); hash-then-stream: a probe was hashed and the rest streamed, because the probe measured streaming to cost less.',
  }),
  reason: z.string().meta({ description: 'Why this strategy ran.' }),
  probe: z
    .object({
      hash_ms_per_1000_rows: z.number().nonnegative().meta({ description: 'Wall milliseconds per 1,000 rows hashing the probe slab (the slower side).' }),
      stream_ms_per_1000_rows: z.number().nonnegative().nullable().meta({
        description:
          'Wall milliseconds per 1,000 rows streaming the next range (0: too few rows to time; null: not streamed, since too few rows of the hashed probe differed for streaming to win).',
      }),
      differing_share: z.number().min(0).max(1).meta({ description: 'Share of the hashed probe rows that lie in differing key ranges.' }),
    })
    .optional()
    .meta({ description: 'What the probe measured (--strategy auto, tables of 256 key ranges or more).' }),
});
export type TableStrategy = z.infer<typeof TableStrategySchema>;

export const TableReportSchema = z.object({
  table: z.string(),
  status: TableStatusSchema,
  key: z.array(z.string()),
  columns: z.array(z.string()).meta({ description: 'Compared columns besides the key.' }),
  columns_only_in_source: z.array(z.string()).meta({ description: 'Columns the target lacks: their data did not arrive (a difference).' }),
  columns_only_in_target: z.array(z.string()).meta({ description: 'Columns only the target has (not a difference).' }),
  rows_source: z.number().int().nonnegative().nullable(),
  rows_target: z.number().int().nonnegative().nullable(),
  missing: z.number().int().nonnegative().nullable().meta({ description: 'Rows in the source only (level rows).' }),
  extra: z.number().int().nonnegative().nullable().meta({ description: 'Rows in the target only (level rows).' }),
  changed: z.number().int().nonnegative().nullable().meta({ description: 'Rows on both sides whose compared columns differ (level rows).' }),
  unchanged: z.number().int().nonnegative().nullable(),
  column_mismatches: z.record(z.string(), z.number().int().nonnegative()).meta({ description: 'Column → number of changed rows where it differs.' }),
  key_problems: z.object({
    null_keys_source: z.number().int().nonnegative(),
    null_keys_target: z.number().int().nonnegative(),
    duplicate_keys_source: z.number().int().nonnegative(),
    duplicate_keys_target: z.number().int().nonnegative(),
    duplicate_samples_source: z.array(KeySchema),
    duplicate_samples_target: z.array(KeySchema),
  }),
  checksum: z
    .object({
      buckets: z.number().int().nonnegative().meta({ description: 'Key ranges hashed in the first pass.' }),
      differing_buckets: z.number().int().nonnegative(),
      refined_buckets: z.number().int().nonnegative().meta({ description: 'Large differing ranges split and hashed again before rows were read.' }),
      streamed_buckets: z.number().int().nonnegative().optional().meta({
        description:
          'Level rows: key ranges not hashed but read and compared row by row, because the probe (the first sixteenth of the ranges) showed that streaming them costs less than hashing them and reading back the differing ones. Absent when none.',
      }),
      differing_ranges: z.array(DifferingRangeSchema).meta({ description: 'Level checksum: the differing key ranges (up to --limit).' }),
    })
    .nullable(),
  strategy: TableStrategySchema.nullable().optional().meta({
    description:
      'How the rows were compared (levels checksum and rows); null at level count and for a table on one side only. Absent in reports written before it was recorded.',
  }),
  differences: z.object({
    missing: z.array(RowDifferenceSchema),
    extra: z.array(RowDifferenceSchema),
    changed: z.array(RowDifferenceSchema),
    truncated: z.boolean().meta({ description: 'More differences exist than --limit lists; the counts are complete.' }),
  }),
  performance: z.object({
    seconds: z.number().nonnegative(),
    phases: z
      .record(z.string(), z.number().nonnegative())
      .meta({ description: 'Seconds per phase: count, layout, hash, refine, fetch (reading back and pairing rows), compare (sorting the differences).' }),
    source: SidePerformanceSchema,
    target: SidePerformanceSchema,
  }),
  warnings: z.array(z.string()),
});
export type TableReport = z.infer<typeof TableReportSchema>;

export const ReconcileReportSchema = z.object({
  report: z.literal('reconcile'),
  generated_at: z.string(),
  source: z.object({ database: z.string().meta({ description: 'URL without password, or SQLite path.' }), engine: z.enum(['sqlite', 'postgres', 'mysql']) }),
  target: z.object({ database: z.string(), engine: z.enum(['sqlite', 'postgres', 'mysql']) }),
  options: z.object({
    level: ReconcileLevelSchema,
    key: z.array(z.string()).nullable(),
    columns: z.array(z.string()).nullable(),
    exclude: z.array(z.string()),
    where: z.string().nullable(),
    float_tolerance: z.number().nonnegative(),
    naive_time_zone: z.string().nullable().optional().meta({ description: 'Zone of timestamps stored without one (--naive-time-zone); absent or null: UTC.' }),
    jobs: z.number().int().positive(),
    hash: z.enum(['native', 'canonical']).meta({
      description: "native: each engine's own hash (same engine both sides); canonical: normalized text hashed alike on both (across engines, or --hash md5).",
    }),
    canonical_hash: z.enum(['lookup3', 'crc', 'md5']).optional().meta({
      description:
        "Hash of the canonical row text (across engines, and tables without a key; between two MySQL / MariaDB databases, of their row text): lookup3 (PostgreSQL's hashtextextended, when a probe showed every side computes it alike), crc (CRC32(t) << 32 | CRC32C(t): MariaDB 10.8+ with MariaDB or SQLite, when a probe matched) or md5 (--hash md5, which also replaces the native hashes between two databases of one engine, or otherwise). Absent in reports written before it was recorded.",
    }),
  }),
  summary: z.object({
    equal: z.boolean(),
    tables: z.number().int().nonnegative(),
    tables_different: z.number().int().nonnegative(),
    rows_source: z.number().int().nonnegative(),
    rows_target: z.number().int().nonnegative(),
    missing: z.number().int().nonnegative().nullable(),
    extra: z.number().int().nonnegative().nullable(),
    changed: z.number().int().nonnegative().nullable(),
    unchanged: z.number().int().nonnegative().nullable(),
    seconds: z.number().nonnegative(),
  }),
  tables: z.array(TableReportSchema),
  warnings: z.array(z.string()).optional().meta({ description: 'About the whole run, e.g. --jobs capped by the free connections or the CPUs.' }),
});
export type ReconcileReport = z.infer<typeof ReconcileReportSchema>;

/**
 * 0 when every table is equal (or, at --level count, every count agrees: the report then says
 * "counts match", never "equal"), 1 when any difference was found.
 */
export function reconcileExitCode(report: ReconcileReport): 0 | 1 {
  return report.summary.equal || report.tables.every((t) => t.status === 'equal' || t.status === 'counted') ? 0 : 1;
}
