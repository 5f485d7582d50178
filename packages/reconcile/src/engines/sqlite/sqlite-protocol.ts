/** Messages between the SQLite side (main thread) and its worker threads. */
export interface WorkerRequest {
  id: number;
  op: string;
  args: unknown[];
}

export type WorkerResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { message: string; exitCode: number | null } };

export interface WorkerData {
  file: string;
}
