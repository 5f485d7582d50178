import { z } from 'zod';
import { builtSchema, lazySchema } from '../zod/lazy-schema.js';

const nonNegative = lazySchema(() => z.number().finite().nonnegative());
const percentage = lazySchema(() => z.number().finite().min(0).max(100));

const clockTime = lazySchema(() => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day as HH:MM (24-hour clock)'));

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A daily span of local time: business hours, or the window migrations should use. */
export const DailyWindowSchema = lazySchema(() =>
  z.looseObject({
    start: clockTime.meta({ description: 'Local time it opens, HH:MM.' }),
    end: clockTime.meta({ description: 'Local time it closes, HH:MM; earlier than start means it closes the next day (22:00 → 02:00).' }),
    timezone: z.string().min(1).optional().meta({ description: 'UTC (default), a fixed offset such as +01:00, or an IANA zone such as Europe/Berlin.' }),
    days: z.array(z.enum(WEEKDAYS)).min(1).optional().meta({ description: 'Days (of the local day it opens) it applies to; default every day.' }),
  }),
);
export type DailyWindow = z.infer<typeof DailyWindowSchema>;

export const SpecPhaseSchema = lazySchema(() =>
  z.looseObject({
    phase: z.string().min(1).meta({ description: 'Phase name; also the id other phases depend on.' }),
    description: z.string().optional(),
    estimated_duration_hours: nonNegative.optional().meta({ description: 'Hours the team plans for it; the plan keeps them.' }),
    depends_on: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'Phases that must finish first. Default: the phase before it. Phases with the same dependencies run in parallel.' }),
    template: z.string().min(1).optional().meta({
      description: 'A phase template of the migration type to take tasks, gates, steps and rollback from (default: the template named like the phase, if any).',
    }),
    needs_window: z.boolean().optional().meta({ description: 'The phase must run inside the preferred migration window.' }),
    disruptive: z.boolean().optional().meta({ description: 'The phase loads the system: keep it out of critical business hours.' }),
  }),
);
export type SpecPhase = z.infer<typeof SpecPhaseSchema>;

export const RolloutStageSchema = lazySchema(() =>
  z.looseObject({
    percentage: percentage.meta({ description: 'Share of traffic or users on the new path.' }),
    duration_hours: nonNegative.meta({ description: 'How long to hold this stage before the next.' }),
  }),
);

export const FeatureFlagSchema = lazySchema(() =>
  z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    initial_percentage: percentage.optional(),
    rollout_schedule: z.array(builtSchema(RolloutStageSchema)).optional(),
    phase: z.string().min(1).optional().meta({ description: 'The phase the rollout starts in. Default: the first phase that shifts traffic.' }),
  }),
);
export type FeatureFlag = z.infer<typeof FeatureFlagSchema>;

export const MonitoringSchema = lazySchema(() =>
  z.looseObject({
    critical_metrics: z.array(z.string().min(1)).optional(),
    alert_thresholds: z.record(z.string(), z.number().finite()).optional().meta({
      description:
        'Metric → the value that raises an alert. Upper limits, except metrics named like availability, success rate or healthy ratio, which are lower limits.',
    }),
  }),
);
export type Monitoring = z.infer<typeof MonitoringSchema>;

export const SpecRollbackTriggerSchema = lazySchema(() =>
  z.looseObject({
    metric: z.string().min(1),
    threshold: z.number().finite(),
    operator: z
      .enum(['greater_than', 'less_than'])
      .optional()
      .meta({ description: 'Default greater_than, or less_than for metrics named like availability, success rate or healthy ratio.' }),
    duration_minutes: nonNegative.optional().meta({ description: 'How long the threshold must be crossed. Default 5.' }),
    action: z.string().min(1).optional().meta({ description: 'automatic_rollback, alert_team, scale_up, or your own. Default alert_team.' }),
  }),
);
export type SpecRollbackTrigger = z.infer<typeof SpecRollbackTriggerSchema>;

/**
 * The migration spec a user writes. Only `type`, `source` and `target` are required (as in the
 * seed). Fields here are read by core for every migration type; plugins declare the rest (their
 * `specFields`), and fields nobody reads are reported as warnings.
 */
export const MigrationSpecSchema = lazySchema(() =>
  z
    .looseObject({
      type: z.string().min(1).meta({ description: 'Migration type, provided by a plugin (database, service, infrastructure, ...).' }),
      pattern: z
        .string()
        .min(1)
        .optional()
        .meta({ description: "Migration pattern of that type (schema_change, strangler_fig, ...). Defaults to the type's default phases." }),
      source: z.string().min(1).meta({ description: 'The system migrated from.' }),
      target: z.string().min(1).meta({ description: 'The system migrated to.' }),
      description: z.string().optional(),
      constraints: z
        .looseObject({
          max_downtime_minutes: nonNegative.optional().meta({
            description:
              'Longest acceptable outage; under 60 adds complexity and a zero-downtime risk, and every step that stops traffic is sized against it. Default 480.',
          }),
          data_volume_gb: nonNegative.optional().meta({ description: 'Data to move, in GB; over 100 / 1,000 / 10,000 adds complexity.' }),
          dependencies: z.array(z.string()).optional().meta({ description: 'Systems that depend on the one migrated.' }),
          compliance_requirements: z.array(z.string()).optional().meta({ description: 'GDPR, SOX, PCI_DSS, HIPAA, ...' }),
          special_requirements: z.array(z.string()).optional().meta({ description: 'Each one adds a point of complexity.' }),
        })
        .optional(),
      business_continuity: z
        .looseObject({
          critical_business_hours: DailyWindowSchema.optional().meta({ description: 'Hours when nothing disruptive may run.' }),
          preferred_migration_window: DailyWindowSchema.optional().meta({ description: 'Where steps that stop traffic go (with --start, on the calendar).' }),
        })
        .optional()
        .meta({ description: 'When the business needs the system, and when it can be disturbed.' }),
      migration_phases: z
        .array(builtSchema(SpecPhaseSchema))
        .min(1)
        .optional()
        .meta({ description: "The team's own phases, in order: the plan keeps their names, descriptions and hours instead of the pattern's." }),
      feature_flags: z.array(builtSchema(FeatureFlagSchema)).optional().meta({ description: 'Flags that move traffic or users, with their rollout stages.' }),
      monitoring: MonitoringSchema.optional().meta({ description: 'Metrics watched during the migration; their alert thresholds gate every rollout stage.' }),
      rollback_triggers: z
        .array(builtSchema(SpecRollbackTriggerSchema))
        .optional()
        .meta({ description: 'Metric thresholds that end in a rollback (or another action); the runbook uses them instead of generic triggers.' }),
    })
    .meta({ title: 'Migration spec', description: 'What to migrate, from where to where, under which constraints.' }),
);

export type MigrationSpec = z.infer<typeof MigrationSpecSchema>;
