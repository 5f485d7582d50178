/**
 * How a double is hashed. Without a tolerance: its IEEE bits (after +0, so −0 = 0). With one, the
 * cell floor(x / tolerance) of a grid of that width: two values in the same cell differ by less
 * than the tolerance, so equal hashes never hide a difference the tolerance would report; values
 * that straddle a cell edge hash differently, and their rows are compared with the tolerance.
 * Beyond 2^52 cells the grid says nothing finer than the bits, which are used instead.
 */
const GRID_LIMIT = 2 ** 52;

/** One buffer for every call: no allocation per value. */
const view = new DataView(new ArrayBuffer(8));

export function floatBitsHex(x: number): string {
  view.setFloat64(0, x + 0);
  return `${view.getUint32(0).toString(16).padStart(8, '0')}${view.getUint32(4).toString(16).padStart(8, '0')}`;
}

export function floatCell(x: number, tolerance: number): string {
  if (tolerance > 0 && Math.abs(x) < tolerance * GRID_LIMIT) return `g${String(Math.floor(x / tolerance) + 0)}`;
  return floatBitsHex(x);
}

/** The bound below which a value is hashed by its cell (the SQL side uses the same literal). */
export function gridLimit(tolerance: number): number {
  return tolerance * GRID_LIMIT;
}
