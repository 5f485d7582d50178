import { hash } from 'node:crypto';

/**
 * The row hash of cross-engine comparisons: md5 of the row's canonical text, first 8 bytes as a
 * 64-bit integer. PostgreSQL computes the same with `('x' || left(md5(text), 16))::bit(64)::bigint`.
 */
export function md5Halves(text: string, out: [number, number]): void {
  const digest = hash('md5', text, 'hex');
  out[0] = Number.parseInt(digest.slice(0, 8), 16);
  out[1] = Number.parseInt(digest.slice(8, 16), 16);
}
