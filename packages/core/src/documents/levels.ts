import { z } from 'zod';

/** Complexity of a migration as a whole, from the spec's constraints. */
export const ComplexitySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type Complexity = z.infer<typeof ComplexitySchema>;
export const COMPLEXITIES = ComplexitySchema.options;

/** Risk level of a phase, and severity of a risk. */
export const RiskLevelSchema = z.enum(['low', 'medium', 'high', 'critical']);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

/** Probability or impact of a risk, as the seed scores them. */
export const LikelihoodSchema = z.enum(['low', 'medium', 'high', 'critical']);

/** Classification of one schema change, from worst to harmless. */
export const ChangeSeveritySchema = z.enum(['breaking', 'potentially_breaking', 'non_breaking', 'additive']);
export type ChangeSeverity = z.infer<typeof ChangeSeveritySchema>;
export const CHANGE_SEVERITIES = ChangeSeveritySchema.options;

export const UrgencySchema = z.enum(['low', 'medium', 'high', 'emergency']);
export type Urgency = z.infer<typeof UrgencySchema>;
