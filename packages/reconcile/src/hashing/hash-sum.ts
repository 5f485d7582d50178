/**
 * The sum of 64-bit row hashes modulo 2^64, kept as two 32-bit lanes in plain numbers so that
 * adding a row costs no BigInt allocation. Addition commutes, so the sum of a range does not
 * depend on the order rows are read in; unlike XOR, two identical rows do not cancel out.
 */
const TWO_32 = 4294967296;
/** Carry well before a lane could pass 2^53 and lose integer precision. */
const CARRY_EVERY = 1 << 20;

export class HashSum {
  private high = 0;
  private low = 0;
  private pending = 0;

  /** Adds one 64-bit hash given as its unsigned high and low 32-bit halves. */
  add(high: number, low: number): void {
    this.high += high;
    this.low += low;
    if (++this.pending >= CARRY_EVERY) this.carry();
  }

  private carry(): void {
    this.high = (this.high + Math.floor(this.low / TWO_32)) % TWO_32;
    this.low %= TWO_32;
    this.pending = 0;
  }

  /** The sum modulo 2^64, unsigned. */
  value(): bigint {
    this.carry();
    return (BigInt(this.high) << 32n) | BigInt(this.low);
  }
}

/** A database's exact (signed, arbitrary precision) sum reduced the same way. */
export function sumModulo64(sum: bigint): bigint {
  return BigInt.asUintN(64, sum);
}
