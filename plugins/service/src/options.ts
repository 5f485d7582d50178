import { z } from 'zod';

/** Options of `service(options)`. None yet; strict so a misspelt option fails loudly instead of being ignored. */
export const serviceOptionsSchema = z.strictObject({});

export type ServiceOptions = z.input<typeof serviceOptionsSchema>;
