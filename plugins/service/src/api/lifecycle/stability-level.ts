/** `x-stability-level` values, least stable first (oasdiff's convention). */
export const STABILITY_LEVELS = ['draft', 'alpha', 'beta', 'stable'] as const;
export type StabilityLevel = (typeof STABILITY_LEVELS)[number];

export function isStabilityLevel(value: unknown): value is StabilityLevel {
  return typeof value === 'string' && (STABILITY_LEVELS as readonly string[]).includes(value);
}
