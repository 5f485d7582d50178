import { streamPays, type ProbeCosts } from '../algorithm/stream-switch.js';
import { TUNING } from '../algorithm/tuning.js';
import type { ReconcileLevel, TableStrategy } from '../report/reconcile-report.js';

/** Level rows: `auto` measures and picks per table; `hash` and `stream` force one way (tests, measurements). */
export type StrategyChoice = 'auto' | 'hash' | 'stream';

/** What a table's comparison starts with, before anything is measured. */
export interface StrategyStart {
  /** The way asked for: levels other than rows always hash. */
  wanted: StrategyChoice;
  /** `auto` with enough buckets and slabs, and slabs recorded with a probe (or none recorded): hash a probe slab first. */
  probed: boolean;
}

/**
 * The way a table starts. `recorded` is null for a state file written before the probe existed
 * (its slabs had no probe: they are kept, and hashed).
 */
export function startStrategy(level: ReconcileLevel, strategy: StrategyChoice, layout: { buckets: number; slabs: number; recorded: boolean }): StrategyStart {
  const wanted = level === 'rows' ? strategy : 'hash';
  const probed = wanted === 'auto' && layout.recorded && layout.slabs > 2 && layout.buckets >= TUNING.probeMinBuckets;
  return { wanted, probed };
}

/** Why a table was hashed whole, without a probe. */
export function hashedWholeReason(level: ReconcileLevel, start: StrategyStart, layout: { buckets: number; recorded: boolean }): string {
  if (start.wanted === 'hash') return level === 'rows' ? '--strategy hash' : `level ${level}`;
  if (!layout.recorded) return 'resumed from a state file without a probe';
  return `too small to probe (${layout.buckets} key ranges)`;
}

/** What the hashed probe slab showed. */
export interface ProbeHashed {
  /** Rows of the probe slab (the side with more). */
  rows: number;
  /** Rows in the probe's differing buckets (the larger side of each). */
  dirtyRows: number;
  /** Wall milliseconds of the slower side's hashing of the probe. */
  hashMs: number;
}

export const dirtyShareOf = (probe: ProbeHashed): number => (probe.rows > 0 ? probe.dirtyRows / probe.rows : 0);

/**
 * Whether to stream the probe's next range to time streaming. Streaming can only win when many
 * rows differ: hashing measured 1.5–13 times cheaper per row than streaming on every pair of the
 * benchmark, so below TUNING.streamProbeMinShare the next range is hashed with the rest, not
 * streamed to time it (that costs r − h per row for nothing). A decision recorded by an
 * interrupted run (--resume) is followed without timing anything.
 */
export function shouldTimeStream(probe: ProbeHashed, decided: 'hash' | 'stream' | null): boolean {
  return !decided && dirtyShareOf(probe) >= TUNING.streamProbeMinShare;
}

/** The decision for the rest of a probed table, and the strategy the report shows. */
export interface ProbeDecision {
  rest: 'hash' | 'stream';
  strategy: TableStrategy;
}

/**
 * Hash or stream the rest of a probed table: stream when `h + f × r ≥ r` (stream-switch.ts), with
 * `r` trusted only when timed on TUNING.probeMinReadRows rows or more (else keep hashing).
 * `streamed` is the timed stream of the probe's next range, null when it was not streamed.
 */
export function decideRest(probe: ProbeHashed, streamed: { ms: number; rows: number } | null, decided: 'hash' | 'stream' | null): ProbeDecision {
  const dirtyShare = dirtyShareOf(probe);
  const costs: ProbeCosts = {
    hashPerRow: probe.hashMs / Math.max(1, probe.rows),
    // Timed on too few rows (a nearly empty table part), one slow query decides: keep hashing.
    readPerRow: streamed && streamed.rows >= TUNING.probeMinReadRows ? streamed.ms / streamed.rows : 0,
  };
  const rest = decided ?? (streamed && streamPays(dirtyShare, costs) ? 'stream' : 'hash');
  const measured = {
    hash_ms_per_1000_rows: Math.round(costs.hashPerRow * 1000 * 1000) / 1000,
    stream_ms_per_1000_rows: streamed ? Math.round(costs.readPerRow * 1000 * 1000) / 1000 : null,
    differing_share: Math.round(dirtyShare * 1000) / 1000,
  };
  const resumed = decided ? 'as decided by the interrupted run (--resume)' : null;
  if (rest === 'stream') {
    return {
      rest,
      strategy: {
        ran: 'hash-then-stream',
        reason: resumed ?? 'the probe found streaming the rest cheaper than hashing it and reading back its differing ranges',
        probe: measured,
      },
    };
  }
  const why = streamed
    ? 'the probe found hashing cheaper than streaming'
    : `the probe found few differences (${(dirtyShare * 100).toFixed(1)} % of its rows in differing ranges): hashing`;
  return { rest, strategy: { ran: 'hash', reason: resumed ?? why, probe: measured } };
}
