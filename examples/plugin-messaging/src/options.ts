import { z } from 'zod';

/** What a team tells the plugin about its broker move. */
export const messagingOptionsSchema = z
  .object({
    /** How long both brokers receive every message before consumers move (hours). */
    dualPublishHours: z.number().positive().default(72),
    /** Consumer lag (messages) that should stop the migration. */
    maxConsumerLag: z.number().int().positive().default(10000),
  })
  .strict();

export type MessagingOptions = z.input<typeof messagingOptionsSchema>;
export type ResolvedMessagingOptions = z.output<typeof messagingOptionsSchema>;
