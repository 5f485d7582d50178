import { z } from 'zod';

/** Options of `service(options)`; strict so a misspelt option fails loudly instead of being ignored. */
export const serviceOptionsSchema = z.strictObject({
  remoteRefs: z
    .boolean()
    .default(false)
    .meta({ description: 'Follow $refs to http(s) URLs in API descriptions. Off by default: a description cannot make the checker call out.' }),
});

export type ServiceOptions = z.input<typeof serviceOptionsSchema>;
