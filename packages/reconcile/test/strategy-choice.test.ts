import { describe, expect, it } from 'vitest';
import { TUNING } from '../src/algorithm/tuning.js';
import { decideRest, hashedWholeReason, shouldTimeStream, startStrategy } from '../src/strategy/strategy-choice.js';

const big: { buckets: number; slabs: number; recorded: boolean } = { buckets: TUNING.probeMinBuckets, slabs: 3, recorded: true };

describe('the strategy per table, before and after the probe', () => {
  it('probes only level rows with --strategy auto, enough buckets and slabs, and slabs recorded with a probe', () => {
    expect(startStrategy('rows', 'auto', big)).toEqual({ wanted: 'auto', probed: true });
    expect(startStrategy('checksum', 'auto', big)).toEqual({ wanted: 'hash', probed: false });
    expect(startStrategy('rows', 'stream', big)).toEqual({ wanted: 'stream', probed: false });
    expect(startStrategy('rows', 'hash', big).probed).toBe(false);
    expect(startStrategy('rows', 'auto', { ...big, buckets: TUNING.probeMinBuckets - 1 }).probed).toBe(false);
    expect(startStrategy('rows', 'auto', { ...big, slabs: 2 }).probed).toBe(false);
    expect(startStrategy('rows', 'auto', { ...big, recorded: false }).probed).toBe(false);
  });

  it('says why a table was hashed whole', () => {
    const reason = (level: 'rows' | 'checksum', strategy: 'auto' | 'hash', layout = big) =>
      hashedWholeReason(level, startStrategy(level, strategy, layout), layout);
    expect(reason('rows', 'hash')).toBe('--strategy hash');
    expect(reason('checksum', 'auto')).toBe('level checksum');
    expect(reason('rows', 'auto', { ...big, recorded: false })).toBe('resumed from a state file without a probe');
    expect(reason('rows', 'auto', { ...big, buckets: 12 })).toBe('too small to probe (12 key ranges)');
  });

  it('times a stream only when a quarter of the probe differs and nothing was decided before', () => {
    const share = TUNING.streamProbeMinShare;
    expect(shouldTimeStream({ rows: 1000, dirtyRows: 1000 * share, hashMs: 5 }, null)).toBe(true);
    expect(shouldTimeStream({ rows: 1000, dirtyRows: 1000 * share - 1, hashMs: 5 }, null)).toBe(false);
    expect(shouldTimeStream({ rows: 1000, dirtyRows: 1000, hashMs: 5 }, 'hash')).toBe(false);
    expect(shouldTimeStream({ rows: 0, dirtyRows: 0, hashMs: 0 }, null)).toBe(false);
  });

  it('streams the rest when h + f × r ≥ r, with r trusted only on enough rows, and follows a recorded decision', () => {
    const probe = { rows: 10_000, dirtyRows: 10_000, hashMs: 50 }; // h = 0.005 ms per row, f = 1
    const streamed = { ms: 50, rows: 2_000 }; // r = 0.025 ms per row
    const switched = decideRest(probe, streamed, null);
    expect(switched.rest).toBe('stream');
    expect(switched.strategy).toEqual({
      ran: 'hash-then-stream',
      reason: 'the probe found streaming the rest cheaper than hashing it and reading back its differing ranges',
      probe: { hash_ms_per_1000_rows: 5, stream_ms_per_1000_rows: 25, differing_share: 1 },
    });
    // f = 0.5 < 1 − h / r = 0.8: hashing wins.
    const half = decideRest({ ...probe, dirtyRows: 5_000 }, streamed, null);
    expect(half.rest).toBe('hash');
    expect(half.strategy.reason).toBe('the probe found hashing cheaper than streaming');
    // Timed on too few rows: r is not trusted (reported as 0), keep hashing.
    const few = decideRest(probe, { ms: 1, rows: TUNING.probeMinReadRows - 1 }, null);
    expect(few.rest).toBe('hash');
    expect(few.strategy.probe!.stream_ms_per_1000_rows).toBe(0);
    // Not streamed: hashed, with the share in the reason.
    const none = decideRest({ ...probe, dirtyRows: 300 }, null, null);
    expect(none.strategy).toEqual({
      ran: 'hash',
      reason: 'the probe found few differences (3.0 % of its rows in differing ranges): hashing',
      probe: { hash_ms_per_1000_rows: 5, stream_ms_per_1000_rows: null, differing_share: 0.03 },
    });
    expect(decideRest(probe, null, 'stream').strategy.reason).toBe('as decided by the interrupted run (--resume)');
    expect(decideRest(probe, null, 'stream').rest).toBe('stream');
  });
});
