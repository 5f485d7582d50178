import type { TableStrategy } from './reconcile-report.js';

/** Which way the rows were compared, why, and what the probe measured. */
export function strategyText(s: TableStrategy): string {
  const probe = s.probe
    ? ` (probe: hashing ${s.probe.hash_ms_per_1000_rows} ms${s.probe.stream_ms_per_1000_rows === null ? '' : `, streaming ${s.probe.stream_ms_per_1000_rows} ms`} per 1,000 rows; ${(s.probe.differing_share * 100).toFixed(1)} % of its rows in differing ranges)`
    : '';
  return `${s.ran} — ${s.reason}${probe}`;
}
