import { z } from 'zod';

/** Options of `infrastructure(options)`. None yet; strict so a misspelt option fails loudly instead of being ignored. */
export const infrastructureOptionsSchema = z.strictObject({});

export type InfrastructureOptions = z.input<typeof infrastructureOptionsSchema>;
