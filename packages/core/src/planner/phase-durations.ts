/**
 * Splits a whole number of hours over phases in proportion to their weights, so that the shares
 * add up to the total (largest remainder; ties go to the earliest phase). The original floored
 * each equal share and silently lost up to one hour per phase (96 h over 5 phases gave 95 h).
 */
export function splitHours(totalHours: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (totalHours * w) / sum);
  const hours = exact.map(Math.floor);
  let remainder = totalHours - hours.reduce((a, b) => a + b, 0);
  const byFraction = exact.map((value, i) => ({ i, fraction: value - Math.floor(value) })).sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of byFraction) {
    if (remainder <= 0) break;
    hours[i]!++;
    remainder--;
  }
  return hours;
}
