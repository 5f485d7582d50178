import { formatDuration, formatNumber } from './throughput.js';
import type { TableToMigrate } from './spec-readers.js';

/** Bytes per row assumed when a table gives rows but no size (or size but no rows). */
export const ASSUMED_ROW_BYTES = 200;
const BYTES_PER_MB = 1024 * 1024;

export interface TableSize {
  mb: number | null;
  rows: number | null;
  /** How the figures were found, when one was derived from the other. */
  note: string | null;
}

export function tableSize(table: TableToMigrate): TableSize {
  if (table.sizeMb !== null && table.rowCount !== null) return { mb: table.sizeMb, rows: table.rowCount, note: null };
  if (table.sizeMb !== null) {
    return {
      mb: table.sizeMb,
      rows: Math.round((table.sizeMb * BYTES_PER_MB) / ASSUMED_ROW_BYTES),
      note: `rows assumed from size at ${ASSUMED_ROW_BYTES} B/row`,
    };
  }
  if (table.rowCount !== null) {
    return { mb: (table.rowCount * ASSUMED_ROW_BYTES) / BYTES_PER_MB, rows: table.rowCount, note: `size assumed from rows at ${ASSUMED_ROW_BYTES} B/row` };
  }
  return { mb: null, rows: null, note: null };
}

/** `"890 MB ÷ 40 MB/s = 22 s"`: the arithmetic behind a step's minutes. */
export function rateEstimate(amount: number, unit: string, rate: number, rateName: string, note: string | null = null): { minutes: number; estimate: string } {
  const minutes = amount / rate / 60;
  return {
    minutes,
    estimate: `${formatNumber(amount)} ${unit} ÷ ${formatNumber(rate)} ${unit}/s (${rateName}) = ${formatDuration(minutes)}${note ? ` (${note})` : ''}`,
  };
}

export function describeTable(table: TableToMigrate, size: TableSize): string {
  const parts = [
    size.mb !== null ? `${formatNumber(size.mb)} MB` : null,
    size.rows !== null ? `${formatNumber(size.rows)} rows` : null,
    table.critical ? 'critical' : null,
  ];
  return parts.filter(Boolean).join(', ') || 'size unknown';
}
