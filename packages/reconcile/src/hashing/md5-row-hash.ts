import { hash } from 'node:crypto';

/**
 * The row hash of cross-engine comparisons: md5 of the row's canonical text, first 8 bytes as a
 * 64-bit integer. PostgreSQL computes the same with `('x' || left(md5(text), 16))::bit(64)::bigint`.
 */
export function md5Halves(text: string, out: [number, number]): void {
  const digest = hash('md5', text, 'buffer');
  out[0] = digest.readUInt32BE(0);
  out[1] = digest.readUInt32BE(4);
}
