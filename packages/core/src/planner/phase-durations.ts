/**
 * Splits a whole number of hours over phases so that they add up to the total. The seed floors
 * each share and silently loses up to one hour per phase (96 h over 5 phases gave 95 h); here
 * the remainder goes to the earliest phases.
 */
export function splitHours(totalHours: number, phaseCount: number): number[] {
  const base = Math.floor(totalHours / phaseCount);
  const remainder = totalHours - base * phaseCount;
  return Array.from({ length: phaseCount }, (_, i) => base + (i < remainder ? 1 : 0));
}
