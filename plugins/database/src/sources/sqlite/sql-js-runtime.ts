import type { SqlJsStatic } from 'sql.js';

let runtime: Promise<SqlJsStatic> | null = null;

/**
 * SQLite compiled to WebAssembly, loaded on first use: only inputs that are SQLite pay for it.
 * One instance per process; every database opened from it is separate and in memory.
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  runtime ??= import('sql.js').then(({ default: initSqlJs }) => initSqlJs());
  // A failed load (a missing .wasm) is retried next time rather than cached.
  runtime.catch(() => {
    runtime = null;
  });
  return runtime;
}
