/** Where a run reports how far it is: rows hashed of rows to hash, per table. */
export interface ProgressSink {
  start(table: string, totalRows: number): void;
  advance(rows: number, phase: string): void;
  stop(): void;
}

export const silentProgress: ProgressSink = { start: () => {}, advance: () => {}, stop: () => {} };
