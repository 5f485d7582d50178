/** A database the verifier may change at will: created empty, dropped after. */
export interface ScratchDatabase {
  /** Runs one statement (or, for `load`, a whole schema file) and throws PostgreSQL's error. */
  run(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

/** Where scratch databases come from: an embedded PostgreSQL or a server the user names. */
export interface ScratchEngine {
  /** `pglite` or the server as `host:port` (never the password). */
  readonly name: string;
  create(): Promise<ScratchDatabase>;
  close(): Promise<void>;
}

/** A PostgreSQL error as one line: message, then detail and hint when it has them. */
export function errorLine(error: unknown): string {
  const e = error as { message?: string; detail?: string; hint?: string };
  return [e.message ?? String(error), e.detail, e.hint ? `hint: ${e.hint}` : undefined].filter(Boolean).join('; ').replace(/\s+/g, ' ');
}
